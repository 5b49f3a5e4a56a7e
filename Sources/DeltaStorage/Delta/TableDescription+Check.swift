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
    public func checkFiles() -> [FileProblem] {
        var problems: [FileProblem] = []
        for f in files {
            let local = DeltaLogValidation.localPath(f.path, tablePath: path)
            if let size = FileSystem.fileSize(local) {
                if size != f.size {
                    problems.append(
                        FileProblem(path: f.path, problem: "is \(size) bytes on disk, the log says \(f.size)"))
                }
            } else {
                problems.append(FileProblem(path: f.path, problem: "is missing (\(local))"))
            }
            if f.deletionVector != nil {
                do {
                    _ = try DeletionVectorLoader.deletedRows(of: f, tablePath: path)
                } catch {
                    problems.append(FileProblem(path: f.path, problem: "deletion vector: \(error.message)"))
                }
            }
        }
        return problems
    }
}
