/// The two ways numbers are printed. Both give text that parses back to the same value.
public enum JSONNumber {
    /// Swift's shortest round-trip text; integral doubles keep `.0` (`1.0`) so they read back as
    /// doubles. Used for the Delta log and `pipeline --json` lines.
    public static func roundTrip(_ d: Double) -> String { d.description }

    /// Shortest round-trip text, but integral values below 1e15 print without a fraction (`1`, not
    /// `1.0`), so `0`, `0.0` and `0e0` give the same text. Used for cell identities, the `params`
    /// column and CSV cells: changing it changes every cell id. NaN prints `null`; infinities
    /// print `±1e999` (they only occur in messages; the readers reject non-finite values).
    public static func canonical(_ d: Double) -> String {
        if d.isNaN { return "null" }
        if d.isInfinite { return d < 0 ? "-1e999" : "1e999" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return d.description
    }
}
