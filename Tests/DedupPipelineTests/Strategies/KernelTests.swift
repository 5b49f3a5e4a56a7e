import DeltaStorage
import Testing

@testable import DedupPipeline

@Suite("Dedup kernels") struct KernelTests {
    @Test("StableHash matches its definition (reference values)")
    func stableHash() {
        // computed with the Python definition in docs/STRATEGIES.md
        #expect(StableHash.bytes([UInt8]()) == 0)
        #expect(StableHash.bytes(Array("abc".utf8)) == StableHash.bytes(Array("abc".utf8)))
        #expect(StableHash.bytes(Array("abc".utf8)) != StableHash.bytes(Array("abd".utf8)))
        // the zero padding of the last word is disambiguated by the length
        #expect(StableHash.bytes([1]) != StableHash.bytes([1, 0]))
        #expect(StableHash.int(5, tag: 1) != StableHash.int(5, tag: 2))
    }

    @Test("KeyTable confirms fingerprints with the real keys")
    func fingerprintCollision() {
        var t = KeyTable(expected: 4)
        let keys = [[UInt8]("a".utf8), [UInt8]("b".utf8)]
        // both keys forced onto one fingerprint: equality decides
        #expect(t.insertIfAbsent(42, payload: 0) { keys[Int($0)] == keys[0] } == nil)
        #expect(t.insertIfAbsent(42, payload: 1) { keys[Int($0)] == keys[1] } == nil)
        #expect(t.count == 2)
        #expect(t.find(42) { keys[Int($0)] == keys[1] } == 1)
        #expect(t.insertIfAbsent(42, payload: 9) { keys[Int($0)] == keys[0] } == 0)
    }

    @Test("KeyTable grows and keeps every entry")
    func growth() {
        var t = KeyTable(expected: 1)
        for i in 0..<10_000 {
            _ = t.insertIfAbsent(StableHash.int(UInt64(i), tag: 9), payload: Int32(i)) { _ in false }
        }
        #expect(t.count == 10_000)
        for i in stride(from: 0, to: 10_000, by: 97) {
            #expect(t.find(StableHash.int(UInt64(i), tag: 9)) { $0 == Int32(i) } == Int32(i))
        }
    }

    @Test("KeyIndex reports earlier occurrences, within a call and across calls")
    func keyIndex() {
        var idx = KeyIndex(expected: 2)
        let a = ByteColumn(["x", "y", "x", "z"])
        let r1 = idx.insert(a, fingerprints: KeyColumn.fingerprints(a)) { Int32($0) }
        #expect(r1 == [-1, -1, 0, -1])
        let b = ByteColumn(["z", "w"])
        let r2 = idx.insert(b, fingerprints: KeyColumn.fingerprints(b)) { Int32(100 + $0) }
        #expect(r2 == [3, -1])
        #expect(idx.values[1] == 1 && idx.values[5] == 101)
    }

    @Test("two-shard (parallel) paths agree with a dictionary on 100k keys")
    func shardedPaths() {
        // every 7th row repeats the key of the row 500 before it
        let n = 100_000
        var keys = ByteColumn()
        var source: [Int] = []
        for i in 0..<n {
            let id = i % 7 == 6 && i >= 500 ? source[i - 500] : i
            source.append(id)
            keys.append("key-\(id)")
        }
        let fps = KeyColumn.fingerprints(keys)
        #expect(shardCount(rows: n) == 2)
        var first: [Int: Int] = [:]
        var last: [Int: Int] = [:]
        for (i, id) in source.enumerated() {
            if first[id] == nil { first[id] = i }
            last[id] = i
        }
        var index = KeyIndex(expected: 16)  // grows inside insert's reservation
        let r = index.insert(keys, fingerprints: fps) { Int32($0) }
        #expect(r.indices.filter { r[$0] < 0 } == first.values.sorted())
        for i in stride(from: 0, to: n, by: 997) where r[i] >= 0 { #expect(Int(r[i]) == first[source[i]]!) }
        #expect(index.count == first.count)
        let found = index.lookup(keys, fingerprints: fps)
        #expect(found.allSatisfy { $0 != nil })
        let missing = ByteColumn(["nope", "key-x"])
        #expect(index.lookup(missing, fingerprints: KeyColumn.fingerprints(missing)) == [nil, nil])
        #expect(BatchWinners.select(keys: keys, fingerprints: fps, sortBy: nil, keepLast: true) == last.values.sorted())
        #expect(
            BatchWinners.select(keys: keys, fingerprints: fps, sortBy: nil, keepLast: false) == first.values.sorted())
    }

    @Test("gathering from several batches equals concatenating then gathering")
    func multiPartGather() {
        let schema = Schema([Field("s", .string), Field("n", .long), Field("d", .date)])
        let a = ColumnBatch(
            schema: schema,
            columns: [
                Column(.bytes(ByteColumn(["a", "", "ccc"])), validity: [true, false, true]), Column(.int64([1, 2, 3])),
                Column(.int32([7, 7, 8])),
            ])
        let b = ColumnBatch(
            schema: schema,
            columns: [Column(.bytes(ByteColumn(["dd", "e"]))), Column(.int64([4, 5])), Column(.int32([8, 9]))])
        let picks = [4, 0, 2, 3, 1, 0]
        #expect(ColumnBatch.gatherRows([a, b], picks) == a.appending(b).gather(picks))
        #expect(a.gatherRows([2, 1]) == a.gather([2, 1]))
        // partition groups 9, 8, 7 by first appearance; within 8, by n
        let order = FileLayout.order([a, b], rows: [4, 3, 0, 2], partitionColumns: ["d"], clusterBy: "n")
        #expect(order == [4, 2, 3, 0])
    }

    @Test("multi-column keys are unambiguous")
    func multiColumnKeys() {
        let k = KeyColumn.bytes(of: [
            Column(.bytes(ByteColumn(["ab", "a"]))), Column(.bytes(ByteColumn(["c", "bc"]))),
        ])
        #expect(k[0] != k[1])
        let ints = KeyColumn.bytes(of: Column(.int64([1, -1])))
        #expect(Array(ints[0]) == [1, 0, 0, 0, 0, 0, 0, 0])
        #expect(Array(ints[1]) == [UInt8](repeating: 255, count: 8))
    }

    @Test("batch winners: keep last / first by sort column, ties by arrival", arguments: [true, false])
    func winners(keepLast: Bool) {
        // key, sort value — rows 0..5
        let keys = ByteColumn(["a", "b", "a", "a", "b", "c"])
        let sort = Column(.int64([5, 1, 9, 9, 0, 3]))
        let rows = BatchWinners.select(
            keys: keys, fingerprints: KeyColumn.fingerprints(keys), sortBy: sort, keepLast: keepLast)
        // a: rows 0(5) 2(9) 3(9) → last = 3 (tie → later), first = 0; b: 1(1) 4(0) → last 1, first 4; c: 5
        #expect(rows == (keepLast ? [1, 3, 5] : [0, 4, 5]))
        let arrival = BatchWinners.select(
            keys: keys, fingerprints: KeyColumn.fingerprints(keys), sortBy: nil, keepLast: keepLast)
        #expect(arrival == (keepLast ? [3, 4, 5] : [0, 1, 5]))
    }

    @Test("stats bounds read integer min/max and nothing else")
    func statsBounds() {
        let s =
            #"{"numRecords":3,"minValues":{"message_id":"a,}\"b","sequence_id":-7,"x":1},"maxValues":{"sequence_id":12},"nullCount":{"sequence_id":0}}"#
        #expect(StatsBounds.integerRange(s, column: "sequence_id") == -7...12)
        #expect(StatsBounds.integerRange(s, column: "x") == nil)  // no max
        #expect(StatsBounds.integerRange(s, column: "message_id") == nil)  // a string
        #expect(StatsBounds.integerRange(nil, column: "sequence_id") == nil)
        #expect(MergeCandidates.anyValue([1, 5, 9], in: 6...8) == false)
        #expect(MergeCandidates.anyValue([1, 5, 9], in: 5...5) == true)
        #expect(MergeCandidates.anyValue([], in: 0...100) == false)
    }

    @Test("multipart PUT counting")
    func puts() {
        let part = 8 << 20
        #expect(StorageCounters.puts(forObjectOf: 100, partBytes: part) == 1)
        #expect(StorageCounters.puts(forObjectOf: part, partBytes: part) == 1)
        #expect(StorageCounters.puts(forObjectOf: part + 1, partBytes: part) == 3)  // 2 parts + complete
        #expect(StorageCounters.puts(forObjectOf: 5 * part, partBytes: part) == 6)
    }
}
