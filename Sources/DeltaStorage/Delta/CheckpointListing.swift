/// The `_delta_log` directory as file names: JSON commits and checkpoints by version
/// (PROTOCOL.md, "Delta Log Entries", "Checkpoints", "Checkpoint Naming Scheme").
///
/// Recognised: `N.json`; classic `N.checkpoint.parquet`; multi-part `N.checkpoint.o.p.parquet`
/// (o, p zero-padded to 10 digits), usable only when all p parts are present; UUID-named V2
/// checkpoints `N.checkpoint.<uuid>.(json|parquet)` are recorded only to explain why they are not
/// used. Anything else (`_last_checkpoint`, `.crc`, compacted logs, temp files) is ignored.
struct CheckpointListing: Sendable {
    /// A complete checkpoint: its version and part file names in part order (one for classic).
    struct Checkpoint: Sendable, Equatable {
        var version: Int
        var parts: [String]
    }

    /// JSON commit versions, ascending.
    var commits: [Int] = []
    /// Complete checkpoints, ascending by version (classic preferred when both kinds exist).
    var checkpoints: [Checkpoint] = []
    /// Versions that have only incomplete multi-part checkpoints (parts missing).
    var incomplete: [Int] = []
    /// Versions with UUID-named V2 checkpoints (not read).
    var uuidNamed: [Int] = []

    init(names: [String], from minVersion: Int = 0) {
        var classic: [Int: String] = [:]
        var multi: [Int: [Int: [Int: String]]] = [:]  // version → parts total → part → name
        for name in names {
            let u = Array(name.utf8)
            guard u.count >= 25, u[20] == UInt8(ascii: "."), u[..<20].allSatisfy({ $0 >= 48 && $0 <= 57 }),
                let v = Int(String(decoding: u[..<20], as: UTF8.self)), v >= minVersion
            else { continue }
            let rest = String(decoding: u[21...], as: UTF8.self)
            if rest == "json" {
                commits.append(v)
            } else if rest == "checkpoint.parquet" {
                classic[v] = name
            } else if rest.hasPrefix("checkpoint.") {
                let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
                if parts.count == 4, parts[3] == "parquet", parts[1].utf8.count == 10, parts[2].utf8.count == 10,
                    let o = Int(parts[1]), let p = Int(parts[2]), p > 1, o >= 1, o <= p
                {
                    multi[v, default: [:]][p, default: [:]][o] = name
                } else if parts.count == 3, parts[2] == "json" || parts[2] == "parquet" {
                    uuidNamed.append(v)
                }
            }
        }
        commits.sort()
        var complete: [Int: Checkpoint] = [:]
        for (v, byTotal) in multi {
            // Several part counts may coexist (racing writers); any complete set will do.
            for (p, parts) in byTotal.sorted(by: { $0.key < $1.key }) where parts.count == p {
                complete[v] = Checkpoint(version: v, parts: (1...p).map { parts[$0]! })
                break
            }
            if complete[v] == nil && classic[v] == nil { incomplete.append(v) }
        }
        for (v, name) in classic { complete[v] = Checkpoint(version: v, parts: [name]) }
        checkpoints = complete.values.sorted { $0.version < $1.version }
        incomplete.sort()
        uuidNamed.sort()
    }

    /// The newest complete checkpoint at or below `version`.
    func checkpoint(atOrBelow version: Int) -> Checkpoint? { checkpoints.last { $0.version <= version } }

    /// The newest version the log describes (a checkpoint may be newer than the last commit left).
    var latestVersion: Int? {
        switch (commits.last, checkpoints.last?.version) {
        case (nil, nil): nil
        case (let c?, nil): c
        case (nil, let k?): k
        case (let c?, let k?): max(c, k)
        }
    }
}
