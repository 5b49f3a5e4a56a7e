import DedupFormats
import DeltaStorage

/// Seeded, counter-based record generation: every field of message `seq` is a pure function of
/// (seed, seq), so rows can be written in any order, by any number of workers, and a redelivered
/// message is byte-identical to its original. Columns are written straight into their arrays.
public struct RecordGenerator: Sendable {
    public let seed: UInt64
    public var ids: MessageIdCodec
    /// `value` is drawn from [valueRange.lowerBound, valueRange.upperBound).
    public var valueRange: Range<Int32>
    /// `partition_id` is drawn from [0, partitions).
    public var partitions: Int32
    /// `created_at` of message 0, µs since the epoch (UTC).
    public var startMicros: Int64
    /// Events per second of event time.
    public var rate: Double {
        didSet { microsPerEvent = 1_000_000.0 / rate }
    }
    var microsPerEvent: Double
    let fieldKey: UInt64

    public init(
        seed: UInt64, idLength: Int = 8, valueRange: Range<Int32> = 100..<10_000, partitions: Int32 = 3,
        startMicros: Int64 = RecordGenerator.defaultStartMicros, rate: Double = RecordGenerator.defaultRate
    ) {
        precondition(partitions > 0 && rate > 0 && !valueRange.isEmpty)
        self.seed = seed
        self.ids = MessageIdCodec(seed: seed, length: idLength)
        self.valueRange = valueRange
        self.partitions = partitions
        self.startMicros = startMicros
        self.rate = rate
        self.microsPerEvent = 1_000_000.0 / rate
        self.fieldKey = SplitMix64.mix(seed ^ 0x6669_656C_6473_2121)  // "fields!!"
    }

    /// 2025-01-13T00:00:00Z.
    public static let defaultStartMicros: Int64 = 1_736_726_400_000_000
    /// 2 events/s: 1M messages span about 5.8 days, 10M about 58 days.
    public static let defaultRate: Double = 2.0

    /// `created_at` of message `seq` (µs).
    @inline(__always)
    public func createdAt(_ seq: Int) -> Int64 {
        startMicros &+ Int64((Double(seq) * microsPerEvent).rounded(.down))
    }

    /// The per-message random word behind partition, value and zipcode: one SplitMix64 finaliser
    /// over a seed-keyed counter.
    @inline(__always)
    func draw(_ seq: Int) -> UInt64 { SplitMix64.mix(fieldKey &+ UInt64(seq) &* 0x9E37_79B9_7F4A_7C15) }

    /// `partition_id` of message `seq` (the same draw `materialize` uses).
    @inline(__always)
    public func partition(of seq: Int) -> Int32 {
        Int32(truncatingIfNeeded: ((draw(seq) >> 32) &* UInt64(partitions)) >> 32)
    }

    /// Rows for messages `0..<count` in sequence order.
    public func generate(count: Int) -> ColumnBatch { materialize(count: count) { $0 } }

    /// Rows for the given sequence numbers, in that order (repeats allowed: redeliveries).
    public func materialize(order: [Int]) -> ColumnBatch {
        if order.isEmpty { return .empty(RecordSchema.base) }
        return order.withUnsafeBufferPointer { buf in
            let p = SendablePointer(UnsafeMutablePointer(mutating: buf.baseAddress!))
            return materialize(count: buf.count) { p.base[$0] }
        }
    }

    func materialize(count n: Int, sequenceAt: @Sendable (Int) -> Int) -> ColumnBatch {
        let idLen = ids.length
        var idBytes = RecordGenerator.uninitialized(UInt8.self, n * idLen)
        var zipBytes = RecordGenerator.uninitialized(UInt8.self, n * 5)
        var seqs = RecordGenerator.uninitialized(Int64.self, n)
        var parts = RecordGenerator.uninitialized(Int32.self, n)
        var created = RecordGenerator.uninitialized(Int64.self, n)
        var values = RecordGenerator.uninitialized(Int32.self, n)
        let span = UInt64(Int64(valueRange.upperBound) - Int64(valueRange.lowerBound))
        let lo = valueRange.lowerBound
        let nparts = UInt64(partitions)
        let gen = self
        idBytes.withUnsafeMutableBufferPointer { idb in
            zipBytes.withUnsafeMutableBufferPointer { zb in
                seqs.withUnsafeMutableBufferPointer { sb in
                    parts.withUnsafeMutableBufferPointer { pb in
                        created.withUnsafeMutableBufferPointer { cb in
                            values.withUnsafeMutableBufferPointer { vb in
                                let idp = SendablePointer(idb.baseAddress!)
                                let zp = SendablePointer(zb.baseAddress!)
                                let sp = SendablePointer(sb.baseAddress!)
                                let pp = SendablePointer(pb.baseAddress!)
                                let cp = SendablePointer(cb.baseAddress!)
                                let vp = SendablePointer(vb.baseAddress!)
                                parallelChunks(count: n) { range in
                                    for row in range {
                                        let seq = sequenceAt(row)
                                        let useq = UInt64(seq)
                                        gen.ids.write(useq, to: idp.base + row * idLen)
                                        let r1 = gen.draw(seq)
                                        let r2 = SplitMix64.mix(r1 ^ 0x5A49_5043_4F44_4521)
                                        sp.base[row] = Int64(seq)
                                        pp.base[row] = Int32(truncatingIfNeeded: ((r1 >> 32) &* nparts) >> 32)
                                        vp.base[row] =
                                            lo &+ Int32(truncatingIfNeeded: ((r1 & 0xFFFF_FFFF) &* span) >> 32)
                                        cp.base[row] = gen.createdAt(seq)
                                        let zip = UInt32(truncatingIfNeeded: ((r2 >> 32) &* 100_000) >> 32)
                                        let z = zp.base + row * 5
                                        let (z1, z2) = (zip / 1000, zip % 1000)
                                        z[0] = 48 &+ UInt8(truncatingIfNeeded: z1 / 10)
                                        z[1] = 48 &+ UInt8(truncatingIfNeeded: z1 % 10)
                                        z[2] = 48 &+ UInt8(truncatingIfNeeded: z2 / 100)
                                        z[3] = 48 &+ UInt8(truncatingIfNeeded: z2 / 10 % 10)
                                        z[4] = 48 &+ UInt8(truncatingIfNeeded: z2 % 10)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let idCol = ByteColumn(bytes: idBytes, offsets: RecordGenerator.fixedOffsets(count: n, width: idLen))
        let zipCol = ByteColumn(bytes: zipBytes, offsets: RecordGenerator.fixedOffsets(count: n, width: 5))
        return ColumnBatch(
            schema: RecordSchema.base,
            columns: [
                Column(.bytes(idCol)), Column(.int64(seqs)), Column(.int32(parts)), Column(.int64(created)),
                Column(.int32(values)), Column(.bytes(zipCol)),
            ])
    }

    /// An array of `count` elements whose contents the caller overwrites completely
    /// (skips the zero fill, which is a measurable share of generation time).
    static func uninitialized<T: BitwiseCopyable>(_: T.Type, _ count: Int) -> [T] {
        [T](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// Offsets 0, w, 2w, … for `count` values of fixed width `w`.
    static func fixedOffsets(count: Int, width: Int) -> [Int32] {
        [Int32](unsafeUninitializedCapacity: count + 1) { buf, initialized in
            for i in 0...count { buf[i] = Int32(truncatingIfNeeded: i * width) }
            initialized = count + 1
        }
    }
}
