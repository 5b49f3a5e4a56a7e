/// What a source knows about the stream it produced, for checking a strategy's table afterwards.
public struct GroundTruth: Sendable, Equatable, Codable {
    /// Distinct messages created (before delivery).
    public var produced: Int
    /// Distinct composite keys among the delivered records: the rows a deduplicated table must hold.
    public var uniqueIds: Int
    /// Delivered records beyond the first delivery of each key (`delivered - uniqueIds`).
    public var duplicatesInjected: Int
    /// Messages that were created but never delivered.
    public var dropped: Int
    /// Records emitted, duplicates included.
    public var delivered: Int

    public init(produced: Int, uniqueIds: Int, duplicatesInjected: Int, dropped: Int, delivered: Int) {
        self.produced = produced
        self.uniqueIds = uniqueIds
        self.duplicatesInjected = duplicatesInjected
        self.dropped = dropped
        self.delivered = delivered
    }

    /// The invariants every source must satisfy (tests check them).
    public var isConsistent: Bool {
        delivered == uniqueIds + duplicatesInjected && produced == uniqueIds + dropped && min(produced, dropped) >= 0
    }
}
