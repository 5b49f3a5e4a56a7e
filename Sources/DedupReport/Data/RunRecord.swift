import DedupFormats
import DedupPipeline

/// One run (one CSV row), detached from its table: text and numbers by column name.
public struct RunRecord: Sendable {
    /// The CSV file and line the run came from.
    public var path: String
    public var line: Int
    public var text: [String: String]
    public var numbers: [String: Double]

    public init(path: String, line: Int, text: [String: String], numbers: [String: Double]) {
        self.path = path
        self.line = line
        self.text = text
        self.numbers = numbers
    }

    init(table: ResultTable, row: ResultTable.Row) {
        path = table.path
        line = row.line
        var text: [String: String] = [:], numbers: [String: Double] = [:]
        for (i, column) in table.columns.enumerated() {
            text[column] = row.values[i]
            if let n = row.numbers[i] { numbers[column] = n }
        }
        self.text = text
        self.numbers = numbers
    }

    public var experiment: String { text["experiment"] ?? "" }
    public var cellId: String { text["cell_id"] ?? "" }
    public var status: String { text["status"] ?? "" }
    public var isOK: Bool { status == ResultColumns.statusOK }
    public var repeatIndex: Int { Int(numbers["repeat"] ?? -1) }
    public var error: String { text["error"] ?? "" }

    /// The swept parameters from the `params` JSON column, in their written order.
    public var params: [(String, JSONValue)] {
        guard let raw = text["params"], !raw.isEmpty, case let .object(members)? = try? JSONParser.parse(raw)
        else { return [] }
        return members
    }
}
