import DeltaStorage
import Dispatch

/// Prepares micro-batch b+1 (hash columns, partition dates) on a background thread while
/// the strategy deduplicates and writes batch b, so hashing overlaps the write's I/O waits.
/// `seconds` is the total time spent preparing batches (it overlaps other phases).
final class HashAhead: @unchecked Sendable {
    private let batches: [ColumnBatch]
    private let schema: Schema
    private let hash: HashSettings
    private let group = DispatchGroup()
    // written by the worker before `group.leave()`, read after `group.wait()`
    private var pending: ColumnBatch?
    private(set) var seconds = 0.0

    init(batches: [ColumnBatch], schema: Schema, hash: HashSettings) {
        self.batches = batches
        self.schema = schema
        self.hash = hash
    }

    /// The table batch for micro-batch `b`, prepared on the calling thread.
    func make(_ b: Int) -> ColumnBatch {
        let t0 = ResourceClock.now()
        defer { seconds += ResourceClock.now() - t0 }
        return TableBatch.make(batches[b], schema: schema, hash: hash)
    }

    /// Starts preparing micro-batch `b` in the background; `take` returns it.
    func prefetch(_ b: Int) {
        group.enter()
        DispatchQueue.global().async {
            self.pending = self.make(b)
            self.group.leave()
        }
    }

    /// Waits for the batch started by `prefetch`.
    func take() -> ColumnBatch {
        group.wait()
        defer { pending = nil }
        return pending!
    }
}
