import DedupFormats
import DedupYAML

/// Checks, before anything runs, that every timestamp a generated run writes stays within what
/// Delta readers accept (years 0001-9999, `Timestamp.deltaRange`; Spark and delta-rs reject
/// later instants): `created_at` of the last message, and for the pubsub source (which writes
/// `arrival_ts`) the latest possible arrival.
///
/// Arrival bound (VirtualClockDelivery): message i is published at
/// t_i ≤ max(t_{i-1}, created_i) + D, with D = max(base_delay + jitter, slow_delay.hi +
/// redelivery_delay.hi) (the publisher's spacing, or a backpressure wait for a pending delivery),
/// so t_last ≤ created_last + scale × D, and the last delivery comes at most slow_delay.hi +
/// redelivery_delay.hi after that. The bound is loose (real runs arrive far earlier) but never
/// lets a run write a year past 9999.
enum EventTimeBounds {
    static func check(_ c: PipelineConfig, _ top: [String: YAMLReader]) throws {
        guard c.source.kind != .file else { return }
        func fail(_ key: String, _ expected: String, value: String) -> InputError {
            let g = top["generation"]
            let r = (try? g?.mapping(allowed: ConfigDecoder.generationKeys)[key]) ?? g
            return r.map { $0.fail(expected, value: value) }
                ?? InputError(file: "<config>", key: "generation.\(key)", value: value, expected: expected)
        }
        let g = c.generation
        let upper = Double(Timestamp.deltaRange.upperBound)
        let start = Timestamp.formatISO8601(micros: g.startMicros)
        if !Timestamp.deltaRange.contains(g.startMicros) {
            throw fail("start", "a start within years 0001-9999", value: start)
        }
        let last = Double(g.startMicros) + Double(max(0, g.scale - 1)) * 1e6 / g.rate
        if last > upper {
            throw fail(
                "rate",
                "a start, rate and scale whose event times stay before 10000-01-01 (the last of \(g.scale) "
                    + "events at \(NumberText.short(g.rate))/s from \(start) would be past year 9999)",
                value: NumberText.short(g.rate))
        }
        if c.source.kind == .pubsub {
            let arrival = latestArrival(c)
            if arrival > upper {
                let seconds = ((arrival - last) / 1e6).rounded(.up)
                throw fail(
                    "start",
                    "a start early enough that arrival_ts (event time + delivery delay) stays before 10000-01-01: "
                        + "with \(g.scale) messages, up to \(NumberText.short(slack(c))) s of publish spacing or "
                        + "redelivery wait each, arrivals may come up to \(NumberText.short(seconds)) s "
                        + "after the last created_at",
                    value: start)
            }
        }
    }

    /// D: the most one message can push the publish clock past the previous one, in seconds.
    static func slack(_ c: PipelineConfig) -> Double {
        let chaos = c.generation.chaos
        let gap = chaos.baseDelay.upperBound + chaos.jitter.upperBound
        return max(gap, c.pubsub.slowDelay.upperBound + c.pubsub.redeliveryDelay.upperBound)
    }

    /// The latest arrival a run can write, µs since the epoch (as a Double: it may overflow Int64).
    static func latestArrival(_ c: PipelineConfig) -> Double {
        let g = c.generation
        let last = Double(g.startMicros) + Double(max(0, g.scale - 1)) * 1e6 / g.rate
        let tail = c.pubsub.slowDelay.upperBound + c.pubsub.redeliveryDelay.upperBound
        return last + (Double(g.scale) * slack(c) + tail) * 1e6
    }
}
