#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Peak resident memory a run is expected to need, from what grows with it: the micro-batches in
/// flight (the one being written, the next one being prepared, the Parquet buffers), the
/// verifier's fingerprint sets over the delivered records, and the strategy's own key state.
/// The constants are the figures measured with `make bench-pipeline` at 10M records (sha256 hex,
/// snappy, 10 batches; notes in docs/RESULTS.md, "Memory"), rounded up. The runner refuses a run
/// whose estimate exceeds the machine's physical memory: the accepted scale follows from this,
/// not from a fixed limit.
public enum MemoryEstimate {
    /// Bytes per record of a micro-batch in flight (≈ 3 copies of a 185-byte table row + Parquet buffers).
    static let perBatchRow = 600
    /// Bytes per delivered record in the verifier's fingerprint sets.
    static let perDelivered = 24
    /// Bytes per distinct key of the strategy's own state (0 for bronze).
    static func perKey(_ kind: StrategyKind) -> Int { kind == .bronzeAppend ? 0 : 300 }
    static let fixed = 64 << 20

    /// Estimated peak bytes of one run of `kind` over `delivered` records (`unique` keys) in `batches`.
    public static func bytes(_ kind: StrategyKind, delivered: Int, unique: Int, batches: Int) -> Int {
        let batchRows = (delivered + max(1, batches) - 1) / max(1, batches)
        return fixed + perBatchRow * batchRows + perDelivered * delivered + perKey(kind) * unique
    }

    /// Physical memory of this machine, bytes (0 if unknown).
    public static var physicalBytes: Int {
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        let size = sysconf(Int32(_SC_PAGESIZE))
        return pages > 0 && size > 0 ? pages * size : 0
    }

    /// Throws a usage error naming the estimate when a run would not fit in physical memory.
    static func check(_ config: PipelineConfig, strategies: [StrategyKind]) throws {
        let physical = physicalBytes
        guard physical > 0, config.source.kind != .file else { return }  // the file source's size is unknown here
        let n = config.generation.scale
        let delivered = n + Int(Double(n) * 0.55)  // upper bound of dup_prob ≤ 0.5 plus slack
        for kind in strategies {
            let need = bytes(kind, delivered: delivered, unique: n, batches: config.batches)
            if need > physical {
                throw RunnerError(
                    .usage,
                    "\(kind.rawValue) at scale \(n) in \(config.batches) batches needs about \(need >> 20) MiB "
                        + "(docs/RESULTS.md, \"Memory\") but this machine has \(physical >> 20) MiB; "
                        + "use more batches (smaller micro-batches) or a smaller scale")
            }
        }
    }
}
