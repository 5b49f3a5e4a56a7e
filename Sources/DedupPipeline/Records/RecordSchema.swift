import DeltaStorage

/// The seed's record schema (DESIGN §1) as DeltaStorage types. Column order is fixed.
public enum RecordSchema {
    public static let messageId = "message_id"
    public static let sequenceId = "sequence_id"
    public static let partitionId = "partition_id"
    public static let createdAt = "created_at"
    public static let value = "value"
    public static let zipcode = "zipcode"
    public static let arrivalTs = "arrival_ts"
    public static let arrivalIndex = "arrival_index"
    public static let partitionDate = "partition_date"

    /// message_id string, sequence_id long, partition_id integer, created_at timestamp (µs UTC),
    /// value integer, zipcode string; all non-nullable.
    public static let base = Schema([
        Field(messageId, .string, nullable: false),
        Field(sequenceId, .long, nullable: false),
        Field(partitionId, .integer, nullable: false),
        Field(createdAt, .timestamp, nullable: false),
        Field(value, .integer, nullable: false),
        Field(zipcode, .string, nullable: false),
    ])

    /// `base` plus the delivery columns of the pubsub source: arrival time (virtual clock, µs UTC)
    /// and position in delivery order.
    public static let pubsub = Schema(
        base.fields + [Field(arrivalTs, .timestamp, nullable: false), Field(arrivalIndex, .long, nullable: false)])

    /// The UTC date (days since 1970-01-01, floored for instants before the epoch) of each
    /// `created_at` value in µs.
    public static func partitionDates(createdAt: [Int64]) -> [Int32] {
        let microsPerDay: Int64 = 86_400_000_000
        return createdAt.map { us in
            let d = us / microsPerDay
            return Int32(truncatingIfNeeded: (us % microsPerDay < 0) ? d - 1 : d)
        }
    }
}
