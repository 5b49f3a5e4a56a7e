/// Reads the actions of a classic or multi-part checkpoint (all parts, in part order).
///
/// Only the columns in `CheckpointSchema.read` are decoded; other columns (`stats_parsed`,
/// `commitInfo`, `domainMetadata`, …) are skipped. The checkpoint must hold exactly one protocol
/// and one metaData action (PROTOCOL.md, "Checkpoints"); anything else is a corrupt log.
enum CheckpointReader {
    struct Result {
        var actions: [DeltaAction]
        /// Bytes read (all parts).
        var bytes: Int
    }

    /// Each part is one GET through the table's store.
    static func read(_ checkpoint: CheckpointListing.Checkpoint, log: DeltaLog) throws(DeltaError) -> Result {
        var actions: [DeltaAction] = []
        var bytes = 0
        for part in checkpoint.parts {
            let key = "_delta_log/" + part
            let path = log.store.location(key)
            let rows: [NestedValue]
            do {
                let data = try log.store.get(key)
                bytes += data.count
                rows = try NestedParquetReader(bytes: data, name: path).read(CheckpointSchema.read)
            } catch let e as DeltaError {
                throw e
            } catch {
                throw DeltaError(.corruptLog, "checkpoint \(error)")
            }
            for (i, row) in rows.enumerated() {
                actions += try CheckpointRows.actions(row, schema: CheckpointSchema.read, file: path, row: i)
            }
        }
        var protocols = 0
        var metadata = 0
        for a in actions {
            switch a {
            case .protocolVersions: protocols += 1
            case .metaData: metadata += 1
            default: break
            }
        }
        guard protocols == 1, metadata == 1 else {
            throw DeltaError(
                .corruptLog,
                "\(log.logPath)/\(checkpoint.parts[0]): a checkpoint must hold exactly one protocol and one metaData action; found \(protocols) and \(metadata)"
            )
        }
        return Result(actions: actions, bytes: bytes)
    }
}
