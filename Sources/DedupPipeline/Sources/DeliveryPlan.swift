/// The outcome of a delivery model: which message each delivered record is (sequence numbers in
/// delivery order, repeats = redeliveries), when it arrived, and the counts behind the ground truth.
struct DeliveryPlan: Sendable {
    var order: [Int]
    /// Arrival time of each delivered record, µs since the epoch (nil for the speed model).
    var arrivalMicros: [Int64]?
    var produced: Int
    var dropped: Int

    var truth: GroundTruth {
        let unique = produced - dropped
        return GroundTruth(
            produced: produced, uniqueIds: unique, duplicatesInjected: order.count - unique, dropped: dropped,
            delivered: order.count)
    }
}
