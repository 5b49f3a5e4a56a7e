import Foundation
@testable import DeltaStorage

/// Temporary directories and small file helpers for the Delta tests.
enum DeltaTestSupport {
    /// A fresh empty directory under the system temp dir (removed by `cleanup`).
    static func tempDir(_ label: String) -> String {
        var template = Array((NSTemporaryDirectory() + "/dedupbench-\(label)-XXXXXX").utf8CString)
        let p = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(p != nil, "mkdtemp failed")
        return String(cString: p!)
    }

    static func cleanup(_ dir: String) { try? FileManager.default.removeItem(atPath: dir) }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// A small batch: id (long, not null), name (string), day (date), ts (timestamp), flag (boolean).
    static let schema = Schema([
        Field("id", .long, nullable: false), Field("name", .string), Field("day", .date), Field("ts", .timestamp),
        Field("flag", .boolean),
    ])

    static func batch(ids: Range<Int64>, names: [String?], days: [Int32]) -> ColumnBatch {
        let n = ids.count
        let rowNames = (0..<n).map { names[$0 % names.count] }
        let nameCol = ByteColumn(rowNames.map { $0 ?? "" })
        let nameValidity = rowNames.contains(where: { $0 == nil }) ? rowNames.map { $0 != nil } : nil
        return ColumnBatch(
            schema: schema,
            columns: [
                Column(.int64(Array(ids))),
                Column(.bytes(nameCol), validity: nameValidity),
                Column(.int32((0..<n).map { days[$0 % days.count] })),
                Column(.int64(ids.map { $0 * 1_000_003 - 5_000_000 })),
                Column(.boolean(ids.map { $0 % 2 == 0 })),
            ])
    }
}
