import DeltaStorage

/// One pass over a source's records, handed over as micro-batches in delivery order and produced
/// lazily, so a run holds about one micro-batch of records at a time whatever the scale
/// (DESIGN §1, "Streaming"). A class: the runner prepares the next batch on a background thread.
public protocol RecordStream: AnyObject {
    /// Schema of every batch (`RecordSchema.base`, or `.pubsub`).
    var schema: Schema { get }
    /// The ground truth of the whole stream. Generated sources know it before the first batch (a
    /// counting pass over the seeded decisions); the verifier re-derives it from the batches.
    var truth: GroundTruth { get }
    /// The chaos values this run used (ranges already sampled), for sources with a delivery model.
    var chaos: ResolvedChaos? { get }
    /// Input lines rejected into the quarantine file (file source; 0 elsewhere).
    var quarantined: Int { get }
    var quarantinePath: String? { get }
    /// Wall-clock seconds spent inside `open` and `next` so far.
    var seconds: Double { get }
    /// The next micro-batch (never empty), or nil after the last one.
    func next() throws -> ColumnBatch?
}

/// The micro-batch cut every source uses: `count` contiguous slices of `total` delivered records,
/// batch b = [b·total/count, (b+1)·total/count), empty slices left out.
enum BatchCut {
    static func ranges(total: Int, count: Int) -> [Range<Int>] {
        let c = max(1, count)
        return (0..<c).map { b in (b * total / c)..<((b + 1) * total / c) }.filter { !$0.isEmpty }
    }
}

/// A stream over records produced all at once (`SourceOutput`): the file source, and the
/// realtime pubsub simulation whose order depends on real timing. Slices are cut as they are
/// requested, so only the whole output and one slice are held.
public final class MaterializedStream: RecordStream {
    private let output: SourceOutput
    private var ranges: [Range<Int>]
    private var cursor = 0
    public private(set) var seconds: Double

    public init(_ output: SourceOutput, batches: Int) {
        self.output = output
        ranges = BatchCut.ranges(total: output.records.rowCount, count: batches)
        seconds = output.seconds
    }

    public var schema: Schema { output.records.schema }
    public var truth: GroundTruth { output.truth }
    public var chaos: ResolvedChaos? { output.chaos }
    public var quarantined: Int { output.quarantined }
    public var quarantinePath: String? { output.quarantinePath }

    public func next() throws -> ColumnBatch? {
        guard cursor < ranges.count else { return nil }
        let t0 = ResourceClock.now()
        defer { seconds += ResourceClock.now() - t0 }
        cursor += 1
        return output.records.rowSlice(ranges[cursor - 1])
    }
}

/// A stream generated batch by batch from the seed: a delivery model yields the sequence numbers
/// (and arrival times) of the next records, the counter-based generator materialises their rows.
final class GeneratedStream: RecordStream {
    private var delivery: any DeliveryStream
    private let generator: RecordGenerator
    private let ranges: [Range<Int>]
    private var cursor = 0
    private var order: [Int] = []
    private var arrival: [Int64] = []
    let withArrival: Bool
    let truth: GroundTruth
    let chaos: ResolvedChaos?
    let quarantined = 0
    let quarantinePath: String? = nil
    private(set) var seconds: Double

    init(delivery: any DeliveryStream, generator: RecordGenerator, chaos: ResolvedChaos, batches: Int, withArrival: Bool, setupSeconds: Double) {
        self.delivery = delivery
        self.generator = generator
        self.truth = delivery.truth
        self.chaos = chaos
        self.withArrival = withArrival
        ranges = BatchCut.ranges(total: delivery.truth.delivered, count: batches)
        seconds = setupSeconds
    }

    var schema: Schema { withArrival ? RecordSchema.pubsub : RecordSchema.base }

    func next() throws -> ColumnBatch? {
        guard cursor < ranges.count else { return nil }
        let t0 = ResourceClock.now()
        defer { seconds += ResourceClock.now() - t0 }
        let range = ranges[cursor]
        cursor += 1
        while order.count < range.count && delivery.advance(order: &order, arrival: &arrival) {}
        precondition(order.count >= range.count, "the delivery model delivered fewer records than it counted")
        let seqs = Array(order[..<range.count])
        order.removeFirst(range.count)
        let base = generator.materialize(order: seqs)
        guard withArrival else { return base }
        let times = Array(arrival[..<range.count])
        arrival.removeFirst(range.count)
        let index = (Int64(range.lowerBound)..<Int64(range.upperBound)).map { $0 }
        return ColumnBatch(
            schema: RecordSchema.pubsub, columns: base.columns + [Column(.int64(times)), Column(.int64(index))])
    }
}

/// A delivery model run incrementally: each `advance` appends the next delivered sequence numbers
/// (and arrival times, µs, for timed models) and returns false once everything is delivered.
/// `truth` is known before the first record (a counting pass over the same seeded decisions).
protocol DeliveryStream {
    var truth: GroundTruth { get }
    mutating func advance(order: inout [Int], arrival: inout [Int64]) -> Bool
}
