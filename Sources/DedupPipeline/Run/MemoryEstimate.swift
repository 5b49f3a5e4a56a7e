#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Peak resident memory a run is expected to need, from what grows with it (docs/RESULTS.md,
/// "Memory"):
/// - the micro-batches in flight (the one being written, the next one being prepared, Parquet
///   buffers; a merge also holds the rows of the files it rewrites and the gathered output): a
///   per-strategy figure per record of a micro-batch, measured;
/// - the verifier's state, from its structures' sizing rules: a fingerprint set over the
///   delivered identities (8-byte slots at load 0.7), plus for the batch-winner strategies a
///   fingerprint map key → row digest (16-byte slots at load 0.8); above 1 GiB the batch winners
///   are kept on disk instead (`VerifierSpill`), leaving buffers and two partitions' maps;
/// - the strategy's own key index (`DigestTable`: 12-byte slots for eager_dedup, 16 for
///   polars_merge, sized for the distinct keys at load 0.8; none for bronze and delta_merge).
///
/// The runner refuses a run whose estimate exceeds the machine's physical memory, so the accepted
/// scale follows from this estimate, not from a fixed limit. Arithmetic saturates (never wraps).
public enum MemoryEstimate {
    /// Bytes per record of a micro-batch in flight, per strategy: the peak RSS measured at 10M
    /// records in 10 batches and at 100M in 100 (micro-batches of 1.1M records; sha256 hex,
    /// snappy; docs/RESULTS.md, "Memory"), less the structural terms below, the larger of the
    /// two, rounded up. The estimate then bounds every measured run: bronze 0.72 / 1.81 GB,
    /// eager_dedup 1.04 / 3.53 GB, polars_merge 1.35 / 2.92 GB, delta_merge 1.19 / 1.18 GB
    /// (the merges with the verifier's batch winners spilled at 100M; delta_merge's batch costs
    /// more at 100M than at 10M: 880 vs 700 bytes a record, more files to match and rewrite).
    static func perBatchRow(_ kind: StrategyKind) -> Int {
        switch kind {
        case .bronzeAppend: 800
        case .eagerDedup: 800
        case .polarsMerge: 700
        case .deltaMerge: 900
        }
    }

    /// Process base: code, runtime, logging, table log state.
    static let fixed = 96 << 20

    /// Estimated peak bytes of one run of `kind` over `delivered` records (`unique` keys) in `batches`.
    public static func bytes(_ kind: StrategyKind, delivered: Int, unique: Int, batches: Int) -> Int {
        let b = max(1, batches)
        let batchRows = delivered / b + (delivered % b == 0 ? 0 : 1)
        return sum([
            fixed, product(perBatchRow(kind), batchRows), verifierBytes(kind, delivered: delivered, unique: unique),
            indexBytes(kind, keys: unique),
        ])
    }

    /// The verifier's state (Verifier, FingerprintSet, FingerprintMap, SpilledWinners), with the
    /// default budget (`VerifierSpill.defaultBudget`).
    static func verifierBytes(_ kind: StrategyKind, delivered: Int, unique: Int) -> Int {
        switch kind {
        case .bronzeAppend, .eagerDedup: return setBytes(unique)  // eager's key is the identity: one set
        case .polarsMerge, .deltaMerge:
            let inMemory = batchWinnerStateBytes(identities: unique, keys: unique, keyIsIdentity: false)
            guard inMemory > VerifierSpill.defaultBudget else { return inMemory }
            return spilledStateBytes(delivered: delivered, partitions: SpilledWinners.partitions(keys: unique))
        }
    }

    /// A `FingerprintSet` sized for `members`: 8-byte slots at load 0.7.
    static func setBytes(_ members: Int) -> Int { product(8, max(16, product(members, 10) / 7 + 1)) }

    /// The batch winners' in-memory state: the set of delivered identities (none when the key is
    /// the identity: the winners' keys are that set) and the key → row digest map (16-byte slots
    /// at load 0.8). 100M keys: 1.14 + 2.0 GB. The verifier spills above its budget.
    static func batchWinnerStateBytes(identities: Int, keys: Int, keyIsIdentity: Bool) -> Int {
        sum([keyIsIdentity ? 0 : setBytes(identities), product(16, max(16, product(keys, 5) / 4 + 1))])
    }

    /// The batch winners' state when spilled (`SpilledWinners`): 64 KiB write buffers for each
    /// partition of its three streams, and while resolving, two partitions at once (one a core),
    /// each a map over its winners or a set over its identities (about delivered / partitions
    /// entries, 20 bytes each at load 0.8) plus a 1 MiB read chunk. 100M records, 64 partitions:
    /// about 85 MB.
    static func spilledStateBytes(delivered: Int, partitions: Int) -> Int {
        let p = max(1, partitions)
        let perPartition = product(16, max(16, product(delivered / p + 1, 5) / 4 + 1))
        return sum([product(3 * 65_536, p), product(2, sum([perPartition, 1 << 20]))])
    }

    /// The strategy's key index (`DigestTable`), sized for the distinct keys.
    static func indexBytes(_ kind: StrategyKind, keys: Int) -> Int {
        let slots = Int(min(Double(Int.max / 16), Double(keys) / DigestTable.sizedLoad)) + 32
        switch kind {
        case .bronzeAppend, .deltaMerge: return 0
        case .eagerDedup: return product(12, slots)
        case .polarsMerge: return product(16, slots)
        }
    }

    private static func product(_ a: Int, _ b: Int) -> Int {
        let (p, o) = a.multipliedReportingOverflow(by: b)
        return o ? Int.max : p
    }

    private static func sum(_ xs: [Int]) -> Int {
        xs.reduce(0) { s, x in
            let (t, o) = s.addingReportingOverflow(x)
            return o ? Int.max : t
        }
    }

    /// Gives glibc's allocator one arena for all threads (`M_ARENA_MAX` = 1). With one arena per
    /// thread (glibc's default, up to 8 per core) every Dispatch worker that allocates a per-batch
    /// array keeps its own heap, and the freed space of one is not reused by another: measured at
    /// 10M records (`pipeline --scale 10000000 --batches 10`, sha256 hex, snappy), polars_merge
    /// peaked at 1.75 GB with the default and 1.53 GB with one arena, at the same speed. Big
    /// blocks are left to glibc's adaptive mmap threshold on purpose: forcing every block of
    /// 1 MiB or more into its own mapping (the previous setting) made each per-batch array fault
    /// in fresh zeroed pages — system time 9.4 s of 23 s CPU for that run, 4.1 s without, and
    /// bronze_append at 1M went from 0.92–1.10 s to 0.73–0.80 s end to end. Called once per
    /// process, before a run.
    public static func configureAllocator() { _ = allocatorConfigured }

    private static let allocatorConfigured: Bool = {
        // glibc's mallopt (malloc.h, not in the Glibc module): looked up, so other C libraries skip it
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let f = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        let mArenaMax: Int32 = -8  // M_ARENA_MAX in glibc's malloc.h
        return unsafeBitCast(f, to: Mallopt.self)(mArenaMax, 1) == 1
    }()

    /// Physical memory of this machine, bytes (0 if unknown).
    public static var physicalBytes: Int {
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        let size = sysconf(Int32(_SC_PAGESIZE))
        return pages > 0 && size > 0 ? pages * size : 0
    }

    /// The delivered records to plan for at `scale` messages: duplicates add up to
    /// `dup_prob` ≤ 0.5 of the messages, plus slack.
    static func delivered(scale n: Int) -> Int { sum([n, Int(min(Double(Int.max / 2), Double(n) * 0.55))]) }

    /// Throws a usage error naming the estimate when a run would not fit in `limit` bytes
    /// (default: physical memory). The file source is skipped: its size is only known once read.
    static func check(_ config: PipelineConfig, strategies: [StrategyKind], limit: Int = physicalBytes) throws {
        guard limit > 0, config.source.kind != .file else { return }
        let n = config.generation.scale
        for kind in strategies {
            let need = bytes(kind, delivered: delivered(scale: n), unique: n, batches: config.batches)
            if need > limit {
                throw RunnerError(
                    .usage,
                    "\(kind.rawValue) at scale \(n) in \(config.batches) batches needs about \(need >> 20) MiB "
                        + "(docs/RESULTS.md, \"Memory\") but this machine has \(limit >> 20) MiB; "
                        + "use more batches (smaller micro-batches) or a smaller scale")
            }
        }
    }
}
