import Dispatch

/// The batch-winner expectation (polars_merge, delta_merge) checked out of core, for runs whose
/// in-memory state would exceed the verifier's budget (`VerifierSpill`; 100M records would need
/// 3.3 GB in memory, this needs tens of MB).
///
/// While the batches are delivered, every delivered identity goes to one `PartitionedSpill` (by
/// identity) and each micro-batch's winners, as (key fingerprint, row digest), to another (by
/// key), in batch order. The read-back appends every table row as (key, row digest, identity) to
/// a third, partitioned like the winners. `resolve` then takes one partition at a time (two at
/// once, one a core): replaying its winners in order into a `FingerprintMap` keeps the last write
/// per key, exactly as the in-memory map does; its table rows are then matched against that map
/// by key and row digest. Distinct delivered identities are counted per identity partition. The
/// counts and sums are the in-memory path's, partition by partition (equal keys, and equal
/// identities, share a partition).
///
/// Disk: 8 bytes a delivered record + 16 a batch winner + 24 a table row (about 5 GB at 100M
/// records), all unlinked at creation (`PartitionedSpill`).
final class SpilledWinners {
    let parent: String
    let partitions: Int
    private let deliveredIds: PartitionedSpill
    private let winners: PartitionedSpill

    /// What the partitions add up to (the verifier's result fields).
    struct Outcome: Equatable {
        var expectedCount = 0
        var expectedSum: UInt64 = 0
        var uniqueDelivered = 0
        /// Table rows matching their key's winner (each winner counted once).
        var marked = 0
        /// Distinct identities of table rows matching no winner.
        var foreign = 0
    }

    init(parent: String, partitions: Int) {
        self.parent = parent
        self.partitions = partitions
        deliveredIds = PartitionedSpill(parent: parent, name: "verify-delivered", width: 1, partitions: partitions)
        winners = PartitionedSpill(parent: parent, name: "verify-winners", width: 2, partitions: partitions)
    }

    /// Partitions for `keys` expected keys: about 2M keys a partition (a 40 MB map while
    /// resolving), a power of two in 1...256.
    static func partitions(keys: Int) -> Int {
        var p = 1
        while p < 256 && p << 21 < keys { p <<= 1 }
        return p
    }

    /// One delivered micro-batch: its identities, and its winners' (key, row digest) (`rows`:
    /// indices of the batch's winners, distinct keys).
    func observe(identities: [UInt64], keys: [UInt64], digests: [UInt64], winnerRows rows: [Int]) {
        for id in identities { deliveredIds.append(id) }
        for i in rows { winners.append(keys[i], digests[i]) }
    }

    /// A spill for the table's rows as (key, row digest, identity), partitioned as the winners.
    func tableSpill() -> PartitionedSpill {
        PartitionedSpill(parent: parent, name: "verify-table", width: 3, partitions: partitions)
    }

    /// Matches the table's rows (`table`, filled by the read-back) against the winners.
    func resolve(table: PartitionedSpill) throws(SpillError) -> Outcome {
        try deliveredIds.finish()
        try winners.finish()
        try table.finish()
        var out = Outcome()
        typealias Part = Result<(outcome: Outcome, foreign: [UInt64]), SpillError>
        var parts = [Part](repeating: .success((Outcome(), [])), count: partitions)
        let shared = UncheckedSendable((self, table))
        parts.withUnsafeMutableBufferPointer { pb in
            let results = SendablePointer(pb.baseAddress!)
            // one partition a core (each writes its own result slot)
            DispatchQueue.concurrentPerform(iterations: partitions) { p in
                let (me, table) = shared.value
                results.base[p] = Result { () throws(SpillError) in try me.resolve(partition: p, table: table) }
            }
        }
        var foreignIds: [[UInt64]] = []
        for part in parts {
            let (r, f) = try part.get()
            out.expectedCount += r.expectedCount
            out.expectedSum &+= r.expectedSum
            out.uniqueDelivered += r.uniqueDelivered
            out.marked += r.marked
            foreignIds.append(f)
        }
        // Foreign identities are counted distinct over the whole table: equal identities may sit in
        // different key partitions, so they are partitioned again, by identity (none in a good run).
        if foreignIds.contains(where: { !$0.isEmpty }) {
            let foreign = PartitionedSpill(parent: parent, name: "verify-foreign", width: 1, partitions: partitions)
            for ids in foreignIds { for id in ids { foreign.append(id) } }
            out.foreign = try Self.distinct(foreign)
        }
        return out
    }

    /// One partition: its winners (last write wins), its table rows matched against them, and its
    /// distinct delivered identities. Returns the identities of unmatched table rows.
    private func resolve(partition p: Int, table: PartitionedSpill) throws(SpillError) -> (
        outcome: Outcome, foreign: [UInt64]
    ) {
        var r = Outcome()
        // counted first, so its set is gone before the map is built (one of them in memory at a time)
        r.uniqueDelivered = try Self.distinct(deliveredIds, partition: p)
        var map = FingerprintMap(expected: winners.records(in: p))  // at least the distinct keys
        try winners.read(partition: p) { chunk in
            let n = chunk.count / 2
            for j in 0..<n {
                let ahead = j &+ FingerprintSet.lookahead
                if ahead < n { map.prefetch(chunk[2 &* ahead]) }
                map.set(chunk[2 &* j], chunk[2 &* j &+ 1])
            }
        }
        r.expectedCount = map.count
        map.forEach { _, digest in r.expectedSum &+= digest }
        var marks = [UInt64](repeating: 0, count: map.capacity / 64 + 1)
        var foreign: [UInt64] = []
        var keys: [UInt64] = []
        try table.read(partition: p) { chunk in
            let n = chunk.count / 3
            keys.removeAll(keepingCapacity: true)
            for j in 0..<n { keys.append(chunk[3 &* j]) }
            keys.withUnsafeBufferPointer { kb in
                marks.withUnsafeMutableBufferPointer { m in
                    map.lookupEach(kb) { j, hit in
                        // a row counts when it is its key's winner: equal row digests (every column)
                        guard let hit, hit.value == chunk[3 &* j &+ 1] else {
                            foreign.append(chunk[3 &* j &+ 2])
                            return
                        }
                        let bit: UInt64 = 1 << UInt64(hit.position & 63)
                        if m[hit.position >> 6] & bit == 0 {
                            m[hit.position >> 6] |= bit
                            r.marked += 1
                        }
                    }
                }
            }
        }
        return (r, foreign)
    }

    /// Distinct first words in partition `p` of a width-1 spill.
    private static func distinct(_ spill: PartitionedSpill, partition p: Int) throws(SpillError) -> Int {
        var set = FingerprintSet(expected: spill.records(in: p))
        try spill.read(partition: p) { chunk in set.insertEach(chunk) { _, _ in } }
        return set.count
    }

    /// Distinct values in a width-1 spill (partitioned by value).
    private static func distinct(_ spill: PartitionedSpill) throws(SpillError) -> Int {
        try spill.finish()
        var n = 0
        for p in 0..<spill.partitions where spill.records(in: p) > 0 { n += try distinct(spill, partition: p) }
        return n
    }
}
