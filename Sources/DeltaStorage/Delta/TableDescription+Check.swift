/// A live file that is not what the log says.
public struct FileProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file as written in the log (`add.path`, or the DV's uniqueId).
    public var path: String
    /// What is wrong, as a sentence fragment ("missing", "is 12 bytes, the log says 13", …).
    public var problem: String

    public var description: String { "\(path): \(problem)" }
}

extension TableDescription {
    /// Checks that every live data file exists with the size the log records, and that every
    /// deletion vector loads (file present, checksum and cardinality right). Reads only DVs and
    /// file sizes, never the data files. Returns the problems found, in log order.
    /// Files are looked up in the table's local directory; `checkFiles(store:)` for any store.
    public func checkFiles() -> [FileProblem] { checkFiles(store: LocalObjectStore(root: path)) }

    /// `checkFiles()` through `store` (one HEAD per live file, one GET per DV file on S3).
    public func checkFiles(store: any ObjectStore) -> [FileProblem] {
        var problems: [FileProblem] = []
        for f in files {
            let local = store.location(logged: f.path)
            let found: Int64?
            do {
                found = try store.size(location: local)
            } catch {
                problems.append(FileProblem(path: f.path, problem: "cannot be checked: \(error.message)"))
                continue
            }
            if let size = found {
                if size != f.size {
                    problems.append(
                        FileProblem(path: f.path, problem: "is \(size) bytes on disk, the log says \(f.size)"))
                }
            } else {
                problems.append(FileProblem(path: f.path, problem: "is missing (\(local))"))
            }
            if f.deletionVector != nil {
                do {
                    _ = try DeletionVectorLoader.deletedRows(of: f, store: store)
                } catch {
                    problems.append(FileProblem(path: f.path, problem: "deletion vector: \(error.message)"))
                }
            }
        }
        return problems
    }
}
