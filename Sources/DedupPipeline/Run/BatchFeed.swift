#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import DeltaStorage
import Dispatch

/// Feeds a strategy run its micro-batches: pulls the next batch from the source stream, adds the
/// hash columns and partition dates, and folds it into the verifier's expected side. Batch b+1 is
/// prepared on a background thread while the strategy deduplicates and writes batch b, so
/// generation, hashing and the verifier's bookkeeping overlap the write.
final class BatchFeed: @unchecked Sendable {
    private let stream: any RecordStream
    private let schema: Schema
    private let hash: HashSettings
    private let group = DispatchGroup()
    // written by the worker before `group.leave()`, read after `group.wait()`; only one batch is
    // ever in flight, so `verifier` and the counters are never touched by two threads at once
    private var pending: Result<ColumnBatch?, Error>?
    private(set) var verifier: Verifier
    /// Seconds spent adding hash columns (overlaps other phases).
    private(set) var hashSeconds = 0.0
    /// CPU seconds the verifier spent folding in delivered batches: the fold-in runs on this
    /// feed's thread only, beside the strategy's write, so its own CPU time is its cost; its wall
    /// time under a loaded machine mostly measures waiting for a core (`observeWallSeconds`).
    private(set) var observeSeconds = 0.0
    /// Wall seconds of the same fold-ins (overlaps other phases).
    private(set) var observeWallSeconds = 0.0
    /// Records handed over so far.
    private(set) var delivered = 0

    init(stream: any RecordStream, schema: Schema, hash: HashSettings, verifier: Verifier) {
        self.stream = stream
        self.schema = schema
        self.hash = hash
        self.verifier = verifier
    }

    /// The next table batch, prepared on the calling thread; nil after the last.
    func make() throws -> ColumnBatch? {
        guard let records = try stream.next() else { return nil }
        let t0 = ResourceClock.now()
        let batch = TableBatch.make(records, schema: schema, hash: hash)
        let t1 = ResourceClock.now()
        let c1 = Self.threadCPUSeconds()
        verifier.observe(batch)
        observeSeconds += Self.threadCPUSeconds() - c1
        observeWallSeconds += ResourceClock.now() - t1
        hashSeconds += t1 - t0
        delivered += batch.rowCount
        return batch
    }

    /// Starts preparing the next batch in the background; `take` returns it.
    func prefetch() {
        group.enter()
        DispatchQueue.global().async {
            self.pending = Result { try self.make() }
            self.group.leave()
        }
    }

    /// Waits for the batch started by `prefetch`.
    func take() throws -> ColumnBatch? {
        group.wait()
        defer { pending = nil }
        return try pending!.get()
    }

    /// CPU seconds of the calling thread (CLOCK_THREAD_CPUTIME_ID).
    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// Prepares whatever the strategy did not consume (after a failure), so the verifier and the
    /// background thread are quiescent; errors are ignored (the run already failed).
    func wait() { group.wait() }
}
