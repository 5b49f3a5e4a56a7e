/// An open-addressing hash table from a 64-bit key fingerprint to an `Int32` payload (a row or key
/// number), with linear probing and a load factor of at most 1/2. Fingerprints come from
/// `StableHash`, never from Swift's `Hasher`. Equal fingerprints are confirmed by the caller's
/// `equal` closure (comparing the real key bytes), so a fingerprint collision never merges two
/// different keys. Entries are never removed (dedup state only grows within a run).
struct KeyTable {
    private(set) var fingerprints: [UInt64]
    private(set) var payloads: [Int32]
    private(set) var count = 0
    private var mask: Int

    /// A table sized for about `expected` entries without growing.
    init(expected: Int) {
        var cap = 16
        while cap < expected * 2 { cap <<= 1 }
        fingerprints = Array(repeating: 0, count: cap)
        payloads = Array(repeating: -1, count: cap)
        mask = cap - 1
    }

    /// The payload stored for the key with fingerprint `fp` (confirmed by `equal`), or nil.
    @inline(__always)
    func find(_ fp: UInt64, equal: (Int32) -> Bool) -> Int32? {
        let f = fp == 0 ? 1 : fp
        return fingerprints.withUnsafeBufferPointer { fps in
            payloads.withUnsafeBufferPointer { pls in
                var i = Int(truncatingIfNeeded: f) & mask
                while true {
                    let s = fps[i]
                    if s == 0 { return nil }
                    if s == f && equal(pls[i]) { return pls[i] }
                    i = (i + 1) & mask
                }
            }
        }
    }

    /// Inserts `payload` for the key unless it is present; returns the existing payload if it was.
    @inline(__always)
    mutating func insertIfAbsent(_ fp: UInt64, payload: Int32, equal: (Int32) -> Bool) -> Int32? {
        if (count + 1) * 2 > fingerprints.count { grow() }
        let f = fp == 0 ? 1 : fp
        let m = mask
        let found: Int32? = fingerprints.withUnsafeMutableBufferPointer { fps in
            payloads.withUnsafeMutableBufferPointer { pls in
                var i = Int(truncatingIfNeeded: f) & m
                while true {
                    let s = fps[i]
                    if s == 0 {
                        fps[i] = f
                        pls[i] = payload
                        return nil
                    }
                    if s == f && equal(pls[i]) { return pls[i] }
                    i = (i + 1) & m
                }
            }
        }
        if found == nil { count += 1 }
        return found
    }

    /// Inserts the key with `payload` if absent (returns nil); if present, returns the stored
    /// payload and replaces it with `payload` when `replace(stored)` says so.
    @inline(__always)
    mutating func upsert(
        _ fp: UInt64, payload: Int32, equal: (Int32) -> Bool, replace: (Int32) -> Bool
    ) -> Int32? {
        if (count + 1) * 2 > fingerprints.count { grow() }
        let f = fp == 0 ? 1 : fp
        let m = mask
        let found: Int32? = fingerprints.withUnsafeMutableBufferPointer { fps in
            payloads.withUnsafeMutableBufferPointer { pls in
                var i = Int(truncatingIfNeeded: f) & m
                while true {
                    let s = fps[i]
                    if s == 0 {
                        fps[i] = f
                        pls[i] = payload
                        return nil
                    }
                    if s == f && equal(pls[i]) {
                        let old = pls[i]
                        if replace(old) { pls[i] = payload }
                        return old
                    }
                    i = (i + 1) & m
                }
            }
        }
        if found == nil { count += 1 }
        return found
    }

    /// Every stored payload, in slot order (callers sort when order matters).
    var allPayloads: [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(count)
        for i in 0..<fingerprints.count where fingerprints[i] != 0 { out.append(payloads[i]) }
        return out
    }

    /// Replaces the payload of a present key (no-op when absent). Returns whether it was present.
    @discardableResult
    mutating func update(_ fp: UInt64, payload: Int32, equal: (Int32) -> Bool) -> Bool {
        let f = fp == 0 ? 1 : fp
        let m = mask
        return fingerprints.withUnsafeBufferPointer { fps in
            payloads.withUnsafeMutableBufferPointer { pls in
                var i = Int(truncatingIfNeeded: f) & m
                while true {
                    let s = fps[i]
                    if s == 0 { return false }
                    if s == f && equal(pls[i]) {
                        pls[i] = payload
                        return true
                    }
                    i = (i + 1) & m
                }
            }
        }
    }

    private mutating func grow() {
        let oldF = fingerprints
        let oldP = payloads
        let cap = oldF.count * 2
        fingerprints = Array(repeating: 0, count: cap)
        payloads = Array(repeating: -1, count: cap)
        mask = cap - 1
        fingerprints.withUnsafeMutableBufferPointer { fps in
            payloads.withUnsafeMutableBufferPointer { pls in
                for j in 0..<oldF.count where oldF[j] != 0 {
                    var i = Int(truncatingIfNeeded: oldF[j]) & mask
                    while fps[i] != 0 { i = (i + 1) & mask }
                    fps[i] = oldF[j]
                    pls[i] = oldP[j]
                }
            }
        }
    }
}
