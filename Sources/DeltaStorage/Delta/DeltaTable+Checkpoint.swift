/// Checkpoints of a table: written after every `delta.checkpointInterval`-th commit (default 10,
/// as Delta Spark) and on request.
extension DeltaTable {
    /// Writes a checkpoint of `version` (default: the newest) and updates `_last_checkpoint`.
    /// `parts > 1` writes a multi-part checkpoint (deprecated by the protocol; for interop tests).
    /// Throws `.unsupported` for tables beyond reader 1 / writer 2, `.invalidInput` for a
    /// malformed `delta.deletedFileRetentionDuration`, `.io` when a file cannot be written.
    @discardableResult
    public func checkpoint(version: Int? = nil, parts: Int = 1) throws(DeltaError) -> CheckpointResult {
        let state = try log.state(version: version)
        return try CheckpointWriter.write(state, log: log, now: options.clock.millis(), parts: parts)
    }

    /// After a commit: writes the checkpoint when the table's policy says it is due. A failure is
    /// recorded in the result, not thrown: the commit is already published.
    func checkpointIfDue(_ result: inout CommitResult, configuration: [String: String]) {
        do {
            let policy = try CheckpointPolicy(configuration: configuration)
            guard policy.isDue(result.version) else { return }
            result.checkpoint = try checkpoint(version: result.version)
        } catch {
            result.checkpointError = error.message
        }
    }
}
