/// The Parquet schema of a classic (V1 spec) checkpoint: one top-level struct column per action
/// type, one action per row (PROTOCOL.md, "Checkpoints" and appendix "Checkpoint Schema").
///
/// Every field is nullable, as Delta Spark writes them; `stats` is the JSON string (the default
/// `delta.checkpoint.writeStatsAsJson=true`), `stats_parsed` is not written. Removes carry no
/// `stats` or `tags` (they are VACUUM tombstones only).
enum CheckpointSchema {
    static let txn = NestedField(
        "txn",
        .structure([NestedField("appId", .string), NestedField("version", .long), NestedField("lastUpdated", .long)]))

    static let add = NestedField(
        "add",
        .structure([
            NestedField("path", .string), NestedField("partitionValues", .stringMap), NestedField("size", .long),
            NestedField("modificationTime", .long), NestedField("dataChange", .boolean), NestedField("stats", .string),
            NestedField("tags", .stringMap),
        ]))

    static let remove = NestedField(
        "remove",
        .structure([
            NestedField("path", .string), NestedField("deletionTimestamp", .long), NestedField("dataChange", .boolean),
            NestedField("extendedFileMetadata", .boolean), NestedField("partitionValues", .stringMap),
            NestedField("size", .long),
        ]))

    static let metaData = NestedField(
        "metaData",
        .structure([
            NestedField("id", .string), NestedField("name", .string), NestedField("description", .string),
            NestedField(
                "format",
                .structure([
                    NestedField("provider", .string),
                    NestedField("options", .map(key: .string, value: .string, valueContainsNull: true)),
                ])),
            NestedField("schemaString", .string),
            NestedField("partitionColumns", .list(element: .string, containsNull: true)),
            NestedField("configuration", .stringMap), NestedField("createdTime", .long),
        ]))

    static let protocolField = NestedField(
        "protocol",
        .structure([
            NestedField("minReaderVersion", .integer), NestedField("minWriterVersion", .integer),
            NestedField("readerFeatures", .list(element: .string, containsNull: true)),
            NestedField("writerFeatures", .list(element: .string, containsNull: true)),
        ]))

    /// What dedupbench writes, in this column order.
    static let written: [NestedField] = [txn, add, remove, metaData, protocolField]

    private static let deletionVector = NestedField(
        "deletionVector",
        .structure([
            NestedField("storageType", .string), NestedField("pathOrInlineDv", .string),
            NestedField("offset", .integer), NestedField("sizeInBytes", .integer), NestedField("cardinality", .long),
            NestedField("maxRowIndex", .long),
        ]))

    /// What is read: the written columns plus the fields other writers add that change what an
    /// action means (deletion vectors, row tracking, clustering), and `sidecar`/`checkpointMetadata`
    /// to recognise V2 checkpoints; of `stats_parsed` only `numRecords` (used when the JSON `stats`
    /// are absent). `partitionValues_parsed`, the rest of `stats_parsed`, `commitInfo` and
    /// `domainMetadata` are not needed and are never decoded.
    static let read: [NestedField] = {
        func extend(_ f: NestedField, _ extra: [NestedField]) -> NestedField {
            guard case .structure(let fields) = f.type else { return f }
            return NestedField(f.name, .structure(fields + extra))
        }
        return [
            txn,
            extend(
                add,
                [
                    deletionVector, NestedField("baseRowId", .long), NestedField("defaultRowCommitVersion", .long),
                    NestedField("clusteringProvider", .string),
                    // Only numRecords, for checkpoints written with delta.checkpoint.writeStatsAsJson=false.
                    NestedField("stats_parsed", .structure([NestedField("numRecords", .long)])),
                ]),
            extend(
                remove,
                [
                    NestedField("tags", .stringMap), deletionVector, NestedField("baseRowId", .long),
                    NestedField("defaultRowCommitVersion", .long),
                ]),
            metaData, protocolField,
            NestedField("sidecar", .structure([NestedField("path", .string), NestedField("sizeInBytes", .long)])),
            NestedField("checkpointMetadata", .structure([NestedField("version", .long)])),
        ]
    }()
}
