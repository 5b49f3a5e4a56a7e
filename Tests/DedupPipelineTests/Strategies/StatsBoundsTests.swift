import DeltaStorage
import Testing

@testable import DedupPipeline

@Suite("Merge pruning with prefix string stats") struct StatsBoundsTests {
    /// Our writer now puts 32-character prefix bounds (max + U+FFFD) on every string column; the
    /// merge's integer pruning must read past them, and never prunes by string bounds at all.
    @Test("integer bounds are found behind truncated string bounds")
    func behindStringBounds() {
        let hash = String(repeating: "f", count: 64)
        let schema = Schema([Field("composite_hash", .string), Field("sequence_id", .long)])
        let json = FileStats.json(
            schema: schema, rowCount: 2,
            statistics: [
                ColumnStatistics(
                    nullCount: 0, min: .bytes(Array(("a\"" + hash).utf8)), max: .bytes(Array((hash + "é").utf8))),
                ColumnStatistics(nullCount: 0, min: .int(-3), max: .int(40)),
            ])
        #expect(json.contains("\u{FFFD}"))
        #expect(StatsBounds.integerRange(json, column: "sequence_id") == -3...40)
        #expect(StatsBounds.integerRange(json, column: "composite_hash") == nil)
    }
}
