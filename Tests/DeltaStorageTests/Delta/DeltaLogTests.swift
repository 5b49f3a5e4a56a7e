import DedupFormats
import Testing
@testable import DeltaStorage

/// Log replay over hand-written commits (no Parquet involved).
@Suite struct DeltaLogTests {
    static let header = """
        {"commitInfo":{"timestamp":1700000000000,"operation":"CREATE TABLE"}}
        {"protocol":{"minReaderVersion":1,"minWriterVersion":2}}
        {"metaData":{"id":"t-1","format":{"provider":"parquet","options":{}},"schemaString":"{\\"type\\":\\"struct\\",\\"fields\\":[{\\"name\\":\\"id\\",\\"type\\":\\"long\\",\\"nullable\\":true,\\"metadata\\":{}},{\\"name\\":\\"p\\",\\"type\\":\\"string\\",\\"nullable\\":true,\\"metadata\\":{}}]}","partitionColumns":["p"],"configuration":{},"createdTime":1700000000000}}

        """

    static func add(_ path: String, _ size: Int, rows: Int) -> String {
        #"{"add":{"path":"\#(path)","partitionValues":{"p":"x"},"size":\#(size),"modificationTime":1700000000000,"dataChange":true,"stats":"{\"numRecords\":\#(rows)}"}}"#
    }

    static func remove(_ path: String) -> String {
        #"{"remove":{"path":"\#(path)","deletionTimestamp":1700000000001,"dataChange":true}}"#
    }

    func makeLog(_ commits: [String]) throws -> (DeltaLog, String) {
        let dir = DeltaTestSupport.tempDir("log")
        for (v, text) in commits.enumerated() {
            try DeltaTestSupport.write(text, to: dir + "/_delta_log/" + DeltaLog.commitName(v))
        }
        return (DeltaLog(tablePath: dir), dir)
    }

    @Test func replayAppliesAddsRemovesAndOverwrites() throws {
        let (log, dir) = try makeLog([
            Self.header + Self.add("p=x/a.parquet", 10, rows: 1) + "\n" + Self.add("p=x/b.parquet", 20, rows: 2),
            Self.add("p=x/c.parquet", 30, rows: 3),
            // overwrite: remove everything, add one
            [
                Self.remove("p=x/a.parquet"), Self.remove("p=x/b.parquet"), Self.remove("p=x/c.parquet"),
                Self.add("p=x/d.parquet", 40, rows: 4),
            ]
            .joined(separator: "\n"),
            // a file-level replace: d → e
            Self.remove("p=x/d.parquet") + "\n" + Self.add("p=x/e.parquet", 50, rows: 5) + "\n",
        ])
        defer { DeltaTestSupport.cleanup(dir) }
        #expect(try log.versions() == [0, 1, 2, 3])
        let expected: [[String]] = [["a", "b"], ["a", "b", "c"], ["d"], ["e"]]
        for (v, names) in expected.enumerated() {
            let state = try log.state(version: v)
            #expect(state.files.map(\.path) == names.map { "p=x/\($0).parquet" }, "version \(v)")
        }
        let latest = try log.state(history: true)
        #expect(latest.version == 3)
        #expect(latest.files.first?.numRecords == 5)
        #expect(latest.metadata?.partitionColumns == ["p"])
        #expect(latest.history.map(\.operation) == ["CREATE TABLE", "WRITE", "REPLACE", "REPLACE"])
        #expect(latest.history.map(\.removedFiles) == [0, 0, 3, 1])
        #expect(latest.history[2].removedBytes == 60)
        #expect(latest.history[0].addedRows == 3)
    }

    @Test func reAddingARemovedPathMakesItLiveAgain() throws {
        let (log, dir) = try makeLog([
            Self.header + Self.add("a", 1, rows: 1), Self.remove("a"), Self.add("a", 2, rows: 2),
        ])
        defer { DeltaTestSupport.cleanup(dir) }
        #expect(try log.state(version: 1).files.isEmpty)
        #expect(try log.state().files.map(\.size) == [2])
    }

    @Test func brokenLineNamesFileAndLine() throws {
        let (log, dir) = try makeLog([
            Self.header, Self.add("a", 1, rows: 1) + "\n{\"add\":{\"path\":\"b\",\"size\":}}\n",
        ])
        defer { DeltaTestSupport.cleanup(dir) }
        #expect {
            try log.state()
        } throws: { error in
            let e = error as? DeltaError
            return e?.kind == .corruptLog
                && e!.message.hasSuffix(
                    "00000000000000000001.json:2: column 27: unexpected character '}', expected a JSON value")
        }
    }

    @Test func wrongFieldTypeNamesTheKey() throws {
        let (log, dir) = try makeLog([Self.header + #"{"add":{"path":"a","partitionValues":{},"size":"12"}}"#])
        defer { DeltaTestSupport.cleanup(dir) }
        #expect {
            try log.state()
        } throws: { error in
            (error as? DeltaError)?.message.hasSuffix(
                #"00000000000000000000.json:4: add.size: expected an integer ≥ 0, found "12""#) == true
        }
    }

    @Test func gapInVersionsIsAnError() throws {
        let dir = DeltaTestSupport.tempDir("gap")
        defer { DeltaTestSupport.cleanup(dir) }
        try DeltaTestSupport.write(Self.header, to: dir + "/_delta_log/" + DeltaLog.commitName(0))
        try DeltaTestSupport.write(Self.add("a", 1, rows: 1), to: dir + "/_delta_log/" + DeltaLog.commitName(2))
        #expect {
            try DeltaLog(tablePath: dir).state()
        } throws: { error in
            (error as? DeltaError)?.message.contains("00000000000000000001.json is missing") == true
        }
    }

    @Test func missingLogIsNotATable() throws {
        let dir = DeltaTestSupport.tempDir("empty")
        defer { DeltaTestSupport.cleanup(dir) }
        #expect {
            try DeltaLog(tablePath: dir).state()
        } throws: { error in
            (error as? DeltaError)?.kind == .notATable
        }
    }

    @Test func timeTravelBeyondLatestIsAnError() throws {
        let (log, dir) = try makeLog([Self.header])
        defer { DeltaTestSupport.cleanup(dir) }
        #expect(throws: DeltaError.self) { try log.state(version: 5) }
    }

    @Test func actionsRoundTripThroughJSON() throws {
        let actions: [DeltaAction] = [
            .protocolVersions(DeltaProtocol()),
            .metaData(
                DeltaMetadata(
                    id: "id", schemaString: "{}", partitionColumns: ["a"], configuration: ["z": "1", "a": "2"],
                    createdTime: 1)),
            .add(
                AddFile(
                    path: "a=%20/f", partitionValues: ["a": nil], size: 9, modificationTime: 2,
                    stats: #"{"numRecords":3}"#)),
            .remove(RemoveFile(path: "a=%20/f", deletionTimestamp: 3, partitionValues: ["a": "x"], size: 9)),
            .txn(DeltaTxn(appId: "app", version: 4, lastUpdated: 5)),
        ]
        for a in actions {
            #expect(try DeltaAction(json: JSONParser.parse(a.jsonLine)) == a)
        }
        #expect(actions[1].jsonLine.contains(#""configuration":{"a":"2","z":"1"}"#))
        #expect(
            actions[2].jsonLine
                == #"{"add":{"path":"a=%20/f","partitionValues":{"a":null},"size":9,"modificationTime":2,"dataChange":true,"stats":"{\"numRecords\":3}"}}"#
        )
    }
}
