import DedupFormats
import DedupYAML
import Testing

@Suite struct YAMLScalarTests {
    /// One resolution for pipeline configs and experiment specs alike (issue 8: `1_000_000` was a
    /// number in one and a string in the other).
    @Test(arguments: [
        ("1_000_000", JSONValue.int(1_000_000)), ("+1", .int(1)), ("-7", .int(-7)), ("0x1F", .int(31)),
        ("0o17", .int(15)), ("007", .int(7)), ("0.25", .double(0.25)), (".5", .double(0.5)), ("1e-3", .double(0.001)),
        ("1_000.5", .double(1000.5)), ("true", .bool(true)), ("False", .bool(false)), ("~", .null), ("", .null),
        ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), (".inf", .string(".inf")),
        ("nan", .string("nan")), ("1e999", .string("1e999")), ("_1", .string("_1")), ("1__0", .string("1__0")),
        ("1_", .string("1_")), ("9223372036854775808", .double(9_223_372_036_854_775_808)),
        ("2025-01-13", .string("2025-01-13")), ("v1", .string("v1")),
    ])
    func plainScalars(text: String, value: JSONValue) {
        #expect(YAMLScalar.resolve(text, quoted: false) == value)
    }

    @Test func quotedScalarsAreAlwaysStrings() {
        #expect(YAMLScalar.resolve("1", quoted: true) == .string("1"))
        #expect(YAMLScalar.resolve("", quoted: true) == .string(""))
    }
}

@Suite struct YAMLNodeTests {
    @Test func positionsAndOrderAreKept() throws {
        let root = try #require(try YAMLNode.compose(yaml: "b: 1\na:\n  - x\n  - 'y'\n", file: "f.yaml"))
        #expect(root.entries?.map(\.key) == ["b", "a"])
        #expect(root["a"]?.items?[1].scalar?.quoted == true)
        #expect(root["a"]?.origin.line == 3)
        #expect(root.jsonValue == .object([("b", .int(1)), ("a", .array([.string("x"), .string("y")]))]))
    }

    @Test func emptyDocumentIsNil() throws {
        #expect(try YAMLNode.compose(yaml: "# nothing\n", file: nil) == nil)
    }

    @Test(arguments: [
        (
            "a: &x 1\nb: *x\n",
            "f.yaml:1:4: b: a plain value (YAML aliases such as *name are not supported; the anchor they repeat is here)"
        ),
        ("a: 1\na: 2\n", "f.yaml:1:1: a: each key only once in a mapping (duplicated key)"),
        (
            "a: [1, 2\n",
            "f.yaml:2:1: YAML syntax error: did not find expected ',' or ']' (the cause may be on an earlier line)"
        ),
        ("? [1]\n: x\n", "f.yaml:1:3: plain text keys"),
    ])
    func refusalsAreLocated(text: String, message: String) {
        let error = #expect(throws: InputError.self) { try YAMLNode.compose(yaml: text, file: "f.yaml") }
        #expect(error?.description == message)
    }

    /// A billion-laughs document is refused at its first alias, before any expansion.
    @Test func aliasExpansionCannotBlowUp() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1..<10 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ",") + "]\n"
        }
        #expect(throws: InputError.self) { try YAMLNode.compose(yaml: text, file: "lol.yaml") }
    }

    /// `yamlText` (how an inline `pipeline:` block reaches a child) composes back to the same values.
    @Test func yamlTextRoundTrips() throws {
        let text = """
            generation:
              scale: 1_000
              chaos: {dup_prob: [0.1, 0.2], mode: "random"}
            storage:
              delta_table_path: "${DELTA_TABLE_PATH:-out}/t"
              codec: 'zstd'
            strategies:
              enabled: [bronze_append]
              bronze_append: {partition_by: [partition_date]}
              polars_merge: {}
            list:
              - a: 1
                b: ["x: y", "#"]
              - []
              - ""
            """
        let node = try #require(try YAMLNode.compose(yaml: text, file: nil))
        let back = try #require(try YAMLNode.compose(yaml: node.yamlText, file: nil))
        #expect(back.jsonValue == node.jsonValue)
        #expect(back["storage"]?["codec"]?.scalar?.quoted == true)
        #expect(back["generation"]?["scale"]?.scalar?.text == "1_000")
    }
}

@Suite struct YAMLReaderTests {
    @Test func unknownKeySuggestsTheNearestAndNamesThePlace() throws {
        let root = try #require(try YAMLNode.compose(yaml: "generation:\n  sclae: 5\n", file: "c.yaml"))
        let top = try YAMLReader(root, path: "").mapping(allowed: ["generation"])
        let error = #expect(throws: InputError.self) { try top["generation"]!.mapping(allowed: ["scale", "mode"]) }
        #expect(
            error?.description
                == "c.yaml:2:3: generation.sclae: unknown key; expected one of scale, mode (did you mean 'scale'?)")
    }

    @Test func typedReadsSayWhatWasExpected() throws {
        let root = try #require(try YAMLNode.compose(yaml: "n: 1_000\nbad: lots\nsize: 64MiB\n", file: "c.yaml"))
        let m = try YAMLReader(root, path: "").mapping(allowed: ["n", "bad", "size"])
        #expect(try m["n"]!.int(in: 0...10_000) == 1000)
        #expect(try m["size"]!.byteSize(in: 1...(1 << 30)) == 64 << 20)
        let e = #expect(throws: InputError.self) { try m["bad"]!.int(in: 0...9) }
        #expect(e?.description == "c.yaml:2:6: bad: got 'lots'; expected an integer in [0, 9]")
    }
}

@Suite struct InputErrorTests {
    @Test func messageShapes() {
        #expect(InputError(file: "f", expected: "a file").description == "f: a file")
        #expect(
            InputError(file: "f", line: 3, key: "k", value: "", expected: "x").description
                == "f:3: k: got an empty value; expected x")
        let long = String(repeating: "v", count: 100)
        #expect(
            InputError(file: "f", line: 1, column: 2, key: "k", value: long, expected: "x").description.contains("..."))
    }

    @Test func didYouMean() {
        #expect(Suggestion.closest(to: "stratgy", in: ["strategy", "seed"]) == "strategy")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["strategy", "seed"]) == nil)
    }
}
