import DeltaStorage
import Testing

@testable import DedupPipeline

@Suite struct DigestIndexTests {
    static func digest(_ s: String, _ kind: KeyDigest.Kind = .general) -> KeyDigest {
        let bytes = Array(s.utf8)
        return bytes.withUnsafeBufferPointer { KeyDigest.make($0.baseAddress ?? emptyByte, $0.count, kind: kind) }
    }

    @Test("short keys and short hex are stored exactly, in forms that cannot meet")
    func exactForms() {
        // raw up to 11 bytes: tag = length + 1, then the bytes
        #expect(Self.digest("") == KeyDigest(a: 1, b: 0))
        #expect(Self.digest("ab") == KeyDigest(a: 3 | 0x61 << 8 | 0x62 << 16, b: 0))
        #expect(Self.digest("abcdefghijk").b == 0x6B6A_6968)  // bytes 8...11 = "hijk"
        // 16 hex characters (an xxh64 hex key) become 8 bytes under tag 0x48
        let hex = Self.digest("0123456789abcdef")
        #expect(hex == KeyDigest(a: 0xCDAB_8967_4523_0148, b: 0xEF))
        // uppercase is not the canonical hex: hashed (top tag bit), never confused with the exact form
        #expect(Self.digest("0123456789ABCDEF").a & 0x80 != 0)
        // every form has a non-zero tag byte (an all-zero slot is empty)
        for s in ["", "a", "0123456789abcdef0123", "x-longer-than-eleven-bytes"] {
            #expect(Self.digest(s).a & 0xFF != 0)
        }
        // different short keys always differ
        let keys = (0..<2_000).map { String($0, radix: 7) }
        #expect(Set(keys.map { "\(Self.digest($0))" }).count == keys.count)
    }

    @Test("a hex digest column keeps 95 bits of the digest itself; a binary one too")
    func digestColumns() {
        let sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
        let d = Self.digest(sha, .hexDigest)
        #expect(d.a == 0x657D_4C88_81D0_869F)  // 0x9f already has the tag bit
        #expect(d.b == 0xA0EA_2F9A)
        let raw: [UInt8] = (0..<32).map { UInt8($0 * 7 + 1) }
        let b = raw.withUnsafeBufferPointer { KeyDigest.make($0.baseAddress!, 32, kind: .binaryDigest) }
        #expect(b.a == 0x322B_241D_160F_0881 && b.b == 0x4E47_4039)
        // the same bytes as a general key are hashed instead (and differ)
        #expect(Self.digest(sha, .general) != d)
        #expect(
            KeyDigest.Kind.of(
                [HashColumns.compositeName],
                in: TableBatch.schema(
                    records: RecordSchema.base, encoding: .hex)) == .hexDigest)
        #expect(
            KeyDigest.Kind.of(
                [HashColumns.compositeName],
                in: TableBatch.schema(
                    records: RecordSchema.base, encoding: .binary)) == .binaryDigest)
        #expect(
            KeyDigest.Kind.of(
                [RecordSchema.messageId],
                in: TableBatch.schema(
                    records: RecordSchema.base, encoding: .hex)) == .general)
    }

    @Test("insert reports first occurrences, set keeps the last value, lookup finds them (two shards, growth)")
    func indexSemantics() {
        // every 7th row repeats the key of the row 500 before it; 100k rows use both shards
        let n = 100_000
        var keys = ByteColumn()
        var source: [Int] = []
        for i in 0..<n {
            let id = i % 7 == 6 && i >= 500 ? source[i - 500] : i
            source.append(id)
            keys.append(i % 2 == 0 ? "key-\(id)" : "a-much-longer-key-that-is-hashed-\(id)")
        }
        #expect(shardCount(rows: n) == 2)
        var first: Set<Int> = []
        var isFirst: [Bool] = []
        for id in source { isFirst.append(first.insert(id).inserted) }
        let index = DigestIndex(expected: 16, kind: .general, values: true)  // grows
        let d = index.digests(keys)
        #expect(index.insert(d) { Int32($0) } == isFirst)
        #expect(index.count == first.count)
        // a second call finds every key; a small call (one shard) agrees
        #expect(index.insert(Array(d[0..<1_000])).allSatisfy { !$0 })
        // values: the first row of each key; then set makes the last row win
        let found = index.lookup(d)
        for i in stride(from: 0, to: n, by: 991) { #expect(found[i] == Int32(source.firstIndex(of: source[i])!)) }
        index.set(d, values: (0..<n).map { Int32($0) })
        let after = index.lookup(d)
        for i in stride(from: 0, to: n, by: 991) { #expect(after[i] == Int32(source.lastIndex(of: source[i])!)) }
        let missing = ByteColumn(["nope", "key-x", "a-much-longer-key-that-is-hashed-x"])
        #expect(index.lookup(index.digests(missing)) == [nil, nil, nil])
        // rows picked by index, in that order
        #expect(index.digests(keys, rows: [5, 2]) == [d[5], d[2]])
    }

    @Test("an index without values reports presence")
    func setOnly() {
        let index = DigestIndex(expected: 4, kind: .general, values: false)
        let keys = ByteColumn(["x", "y", "x", "z"])
        #expect(index.insert(index.digests(keys)) == [true, true, false, true])
        #expect(index.lookup(index.digests(ByteColumn(["z", "w"]))) == [0, nil])
        #expect(index.bytes >= 12 * 8)
    }
}
