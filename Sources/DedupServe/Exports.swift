import DedupReport

/// The report library's order-keeping JSON value (DeltaStorage has its own type of the same name).
typealias JSON = DedupReport.JSONValue
