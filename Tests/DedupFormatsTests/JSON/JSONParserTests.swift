import DedupFormats
import Testing

@Suite struct JSONParserTests {
    @Test func roundTripKeepsKeyOrderAndEscapes() throws {
        let text = #"{"z":1,"a":[true,false,null,-2.5,"q\"\\\n\u0001é"],"m":{}}"#
        let v = try JSONParser.parse(text)
        #expect(v.serialized == text)
        #expect(v["z"]?.intValue == 1)
    }

    @Test func unicodeEscapesAndSurrogates() throws {
        #expect(try JSONParser.parse(#""\u00e9\ud83d\ude00""#) == .string("é😀"))
    }

    @Test(arguments: [
        (#"{"a":1,}"#, 8), (#"{"a" 1}"#, 6), (#"[1 2]"#, 4), (#"{"a":tru}"#, 6), ("{\"a\":\"x", 8), (#"{"a":1} x"#, 9),
    ])
    func errorsCarryTheColumn(text: String, column: Int) {
        #expect {
            try JSONParser.parse(text)
        } throws: { error in
            (error as? JSONSyntaxError)?.column == column
        }
    }
}

/// One parser, one rule set: the inputs the three former parsers disagreed on (issue 8).
@Suite struct JSONStrictnessTests {
    @Test(arguments: [
        #""\uD800""#, #""\uD800x""#, #""\uDC00""#, #""\uD800\u0041""#, #""\ud83d""#,
    ])
    func loneSurrogatesAreErrorsNotReplacementCharacters(text: String) {
        let error = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        #expect(error?.message.contains("surrogate") == true)
        #expect(error?.column == 2 || text == #""\uD800\u0041""#)
    }

    @Test(arguments: ["+1", "01", "-01", ".5", "1.", "1e", "NaN", "Infinity", "-", "1_000_000", "0x10"])
    func numbersFollowTheRFCGrammar(text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test func integersStayExactAndOverflowBecomesDouble() throws {
        #expect(try JSONParser.parse("9223372036854775807") == .int(.max))
        #expect(try JSONParser.parse("-9223372036854775808") == .int(.min))
        #expect(try JSONParser.parse("9007199254740993") == .int(9_007_199_254_740_993))  // not rounded via Double
        #expect(try JSONParser.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try JSONParser.parse("1.0") == .double(1))
        #expect(try JSONParser.parse("-0") == .int(0))
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("1e999") }
    }

    @Test func errorsCarryLineAndColumn() {
        let e = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("{\n  \"a\": 1,\n  \"b\": tru\n}") }
        #expect(e?.line == 3)
        #expect(e?.column == 8)
        #expect(e?.description == "line 3, column 8: invalid literal, expected true")
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect((try? JSONParser.parse(ok)) != nil)
    }
}

@Suite struct JSONWriterTests {
    @Test func roundTripAndCanonicalNumberModes() {
        let v: JSONValue = .object([("b", .double(3)), ("a", .array([.double(0.1), .double(1e-7), .int(-2)]))])
        // Delta log / --json lines: stored order, integral doubles keep ".0".
        #expect(v.serialized == #"{"b":3.0,"a":[0.1,1e-07,-2]}"#)
        // Cell identities and the params column: sorted keys, integral doubles without a fraction.
        #expect(v.canonicalJSON == #"{"a":[0.1,1e-07,-2],"b":3}"#)
        #expect(JSONNumber.canonical(1e15) == "1000000000000000.0")  // Swift's shortest form
        #expect(JSONNumber.canonical(1e16) == "1e+16")
        #expect(JSONNumber.canonical(-0.0) == "0")
        #expect(JSONValue.double(.nan).serialized == "null")
    }

    @Test func prettyPrintingIndentsByTwoSpaces() {
        let v: JSONValue = .object([("a", .array([.int(1), .object([])])), ("b", .array([]))])
        #expect(v.serialized(pretty: true) == "{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": []\n}")
    }

    @Test func sortedObjectAndNumberHelpers() throws {
        #expect(JSONValue.sortedObject(["b": .int(1), "a": .null]).serialized == #"{"a":null,"b":1}"#)
        #expect(JSONValue.number(2) == .int(2))
        #expect(JSONValue.number(2.5) == .double(2.5))
        #expect(JSONValue.number(.infinity) == .null)
        #expect(JSONValue.string("x").text == "x")
        #expect(JSONValue.double(0.5).text == "0.5")
        #expect(try JSONParser.parse(#"{"git":{"commit":"abc"}}"#).lookup("git.commit") == .string("abc"))
    }
}
