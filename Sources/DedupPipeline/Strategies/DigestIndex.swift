import DeltaStorage

/// The keys a strategy has seen, as `KeyDigest`s, optionally each with an `Int32` value (the
/// file holding the key): the long-lived dedup state of `eager_dedup` and `polars_merge`, 12 or
/// 16 bytes a key (see `DigestTable`). Two shards (by the digest's top mixed bit) are filled on
/// both cores for large inputs; rows of one shard are handled in row order by one thread, so
/// "first occurrence" and "last value wins" keep their row-order meaning. Built from the table
/// at start (the table is the truth) and kept in step with every commit.
struct DigestIndex {
    let kind: KeyDigest.Kind
    private let shards: [DigestTable]

    /// An index sized for `expected` keys; `values` when each key carries an `Int32`.
    init(expected: Int, kind: KeyDigest.Kind, values: Bool) {
        self.kind = kind
        shards = [
            DigestTable(expected: expected / 2 + 16, values: values),
            DigestTable(expected: expected / 2 + 16, values: values),
        ]
    }

    var count: Int { shards[0].count + shards[1].count }
    /// Bytes held by the tables.
    var bytes: Int { shards[0].bytes + shards[1].bytes }

    /// The digests of `keys` (all rows, or `rows` in that order) in this index's kind.
    func digests(_ keys: ByteColumn, rows: [Int]? = nil) -> [KeyDigest] {
        KeyDigest.digests(keys, rows: rows, kind: kind)
    }

    /// Adds the keys in row order: `result[i]` is true when row i's key was new (its first
    /// occurrence, this call included). New keys get `value(i)` when the index keeps values.
    func insert(_ d: [KeyDigest], value: (Int) -> Int32 = { _ in 0 }) -> [Bool] {
        let values = shards[0].storesValues ? d.indices.map(value) : []
        var isNew = [Bool](repeating: false, count: d.count)
        isNew.withUnsafeMutableBufferPointer { out in
            let o = UncheckedSendable(out)
            values.withUnsafeBufferPointer { vb in
                let v = UncheckedSendable(vb)
                update(d) { raw, i, dg in
                    let (slot, found) = raw.locate(dg)
                    if found { return 0 }
                    raw.fill(slot, dg, v.value.isEmpty ? 0 : v.value[i])
                    o.value[i] = true
                    return 1
                }
            }
        }
        return isNew
    }

    /// Sets each row's key to `values[i]` (inserting absent keys); a later row of the same key wins.
    func set(_ d: [KeyDigest], values: [Int32]) {
        precondition(shards[0].storesValues && values.count == d.count)
        values.withUnsafeBufferPointer { vb in
            let v = UncheckedSendable(vb)
            update(d) { raw, i, dg in
                let (slot, found) = raw.locate(dg)
                if found {
                    raw.setValue(slot, v.value[i])
                    return 0
                }
                raw.fill(slot, dg, v.value[i])
                return 1
            }
        }
    }

    /// The value of each row's key, nil when absent (0 for present keys of an index without values).
    func lookup(_ d: [KeyDigest]) -> [Int32?] {
        var out = [Int32?](repeating: nil, count: d.count)
        let withValues = shards[0].storesValues
        out.withUnsafeMutableBufferPointer { ob in
            let o = UncheckedSendable(ob)
            visit(d, reserving: false) { raw, i, dg in
                let (slot, found) = raw.locate(dg)
                if found { o.value[i] = withValues ? raw.value(slot) : 0 }
                return 0
            }
        }
        return out
    }

    /// `update` after reserving room for every row in its shard.
    private func update(_ d: [KeyDigest], _ body: (DigestTable.Raw, Int, KeyDigest) -> Int) {
        visit(d, reserving: true, body)
    }

    /// Runs `body(raw, row, digest)` for every row, each shard's rows in order on its own thread
    /// (one thread for small inputs); `body` returns how many keys it inserted.
    private func visit(_ d: [KeyDigest], reserving: Bool, _ body: (DigestTable.Raw, Int, KeyDigest) -> Int) {
        let n = d.count
        guard n > 0 else { return }
        if reserving {
            var ones = 0
            for x in d { ones &+= Int(x.mixed >> 63) }
            shards[0].reserve(n - ones)
            shards[1].reserve(ones)
        }
        let raws = (shards[0].raw, shards[1].raw)
        let used = shardCount(rows: n)
        var added = (0, 0)
        withoutActuallyEscaping(body) { body in
            let b = UncheckedSendable(body)
            d.withUnsafeBufferPointer { db in
                let f = UncheckedSendable(db)
                withUnsafeMutablePointer(to: &added) { ap in
                    let a = UncheckedSendable(ap)
                    inShards(used) { s in
                        var mine = (0, 0)
                        for i in 0..<n {
                            let shard = Int(f.value[i].mixed >> 63)
                            guard used == 1 || shard == s else { continue }
                            let ahead = i &+ prefetchDistance
                            if ahead < n {
                                let next = f.value[ahead]
                                (next.mixed >> 63 == 0 ? raws.0 : raws.1).prefetch(next)
                            }
                            let k = b.value(shard == 0 ? raws.0 : raws.1, i, f.value[i])
                            if shard == 0 { mine.0 += k } else { mine.1 += k }
                        }
                        // one worker per shard writes its own count; a single worker writes both
                        if used == 1 || s == 0 { a.value.pointee.0 += mine.0 }
                        if used == 1 || s == 1 { a.value.pointee.1 += mine.1 }
                    }
                }
            }
        }
        shards[0].added(added.0)
        shards[1].added(added.1)
    }
}
