#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import DeltaS3

/// When and where the verifier keeps its batch-winner state on disk (`SpilledWinners`) instead of
/// in memory: when the in-memory state (`MemoryEstimate.batchWinnerStateBytes`) would exceed
/// `budgetBytes`. Both paths give the same result fields; the spilled one costs disk (about 48
/// bytes a record, unlinked at creation) and some read-back time instead of memory.
public struct VerifierSpill: Sendable, Equatable {
    /// Where the temporary files go (a directory made and removed inside it).
    public var directory: String
    /// In-memory verifier state allowed, bytes.
    public var budgetBytes: Int
    /// Files a stream is split into (a power of two); nil: from the expected keys
    /// (`SpilledWinners.partitions(keys:)`).
    public var partitions: Int?

    /// 1 GiB: keeps runs up to about 30M records in memory (10M: 0.33 GB), and a 100M run of
    /// polars_merge (its own key index 2 GB) under 4 GB.
    public static let defaultBudget = 1 << 30

    public init(directory: String, budgetBytes: Int = defaultBudget, partitions: Int? = nil) {
        self.directory = directory
        self.budgetBytes = budgetBytes
        self.partitions = partitions
    }

    /// In `$TMPDIR` (else /tmp), default budget.
    public static var temporary: VerifierSpill {
        VerifierSpill(
            directory: getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
    }

    /// Beside the table at `tableDir`, in the run's output directory (`$TMPDIR` for a table on S3).
    public static func beside(tableDir: String) -> VerifierSpill {
        if StoreLocation.isS3(tableDir) { return .temporary }
        guard let slash = tableDir.dropLast().lastIndex(of: "/") else { return VerifierSpill(directory: ".") }
        return VerifierSpill(directory: slash == tableDir.startIndex ? "/" : String(tableDir[..<slash]))
    }
}
