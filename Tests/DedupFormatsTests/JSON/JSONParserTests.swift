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
