import DedupFormats
import Testing

@testable import DeltaStorage

@Suite struct RLEHybridTests {
    private func encode(_ v: [UInt32], _ w: Int, runsOnly: Bool = false) -> [UInt8] {
        let out = OutputBuffer()
        v.withUnsafeBufferPointer {
            if runsOnly {
                RLEHybrid.encodeRuns($0, bitWidth: w, into: out)
            } else {
                RLEHybrid.encode($0, bitWidth: w, into: out)
            }
        }
        return out.bytes
    }

    private func decode(_ b: [UInt8], _ w: Int, _ n: Int) throws -> [UInt32] {
        var out = [UInt32](repeating: 0, count: n)
        try b.withUnsafeBytes { raw in
            try out.withUnsafeMutableBufferPointer {
                _ = try RLEHybrid.decode(raw, bitWidth: w, count: n, into: $0.baseAddress!)
            }
        }
        return out
    }

    @Test func specExamples() throws {
        // delta-parquet.md A7: levels 1,0,1 as RLE runs.
        #expect(encode([1, 0, 1], 1, runsOnly: true) == [0x02, 0x01, 0x02, 0x00, 0x02, 0x01])
        #expect(try decode([0x02, 0x01, 0x02, 0x00, 0x02, 0x01], 1, 3) == [1, 0, 1])
        // The hybrid encoder bit-packs short mixed data: one group, bits 101 → 0x05, zero padded.
        #expect(encode([1, 0, 1], 1) == [0x03, 0x05])
        // Ten equal values → one RLE run (count 10 → header 20), value in one byte.
        #expect(encode([UInt32](repeating: 5, count: 10), 3) == [0x14, 0x05])
        // Width 9 → RLE value in two bytes.
        #expect(encode([UInt32](repeating: 300, count: 8), 9) == [0x10, 0x2C, 0x01])
    }

    @Test func bitPackingIsLSBFirstAcrossBytes() {
        // Parquet's documented example: 0..7 with width 3 → 10001000 11000110 11111010.
        #expect(encode([0, 1, 2, 3, 4, 5, 6, 7], 3) == [0x03, 0x88, 0xC6, 0xFA])
    }

    @Test(arguments: [1, 2, 3, 5, 7, 8, 9, 13, 17, 20, 31, 32])
    func roundTripsLengthsNotMultipleOf8(width: Int) throws {
        var rng = SplitMix64(seed: UInt64(width))
        let mask: UInt64 = width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1
        for n in [0, 1, 3, 7, 8, 9, 15, 17, 63, 100, 1001] {
            // Mix random stretches with long repeats so both run kinds appear.
            var v: [UInt32] = []
            while v.count < n {
                let x = UInt32(rng.next() & mask)
                let repeatCount = rng.next() % 4 == 0 ? Int(rng.next() % 30) + 1 : 1
                v.append(contentsOf: repeatElement(x, count: Swift.min(repeatCount, n - v.count)))
            }
            let encoded = encode(v, width)
            #expect(try decode(encoded, width, n) == v, "width \(width) n \(n)")
            #expect(try decode(encode(v, width, runsOnly: true), width, n) == v)
        }
    }

    @Test func decoderRejectsShortData() {
        #expect(throws: DecodeError.self) { try decode([0x03], 1, 3) }  // bit-packed run without its byte
        #expect(throws: DecodeError.self) { try decode([0x02, 0x01], 1, 2) }  // run covers 1 of 2 values
        #expect(throws: DecodeError.self) { try decode([], 1, 1) }
    }
}
