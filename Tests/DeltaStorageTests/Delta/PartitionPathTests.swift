import Testing
@testable import DeltaStorage

@Suite struct PartitionPathTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a b", "a b"),
        ("a/b", "a%2Fb"),
        ("100%", "100%25"),
        ("k=v", "k%3Dv"),
        ("12:30", "12%3A30"),
        ("x\"#'*?\\{[]^", "x%22%23%27%2A%3F%5C%7B%5B%5D%5E"),
        ("tab\tnl\n", "tab%09nl%0A"),
        ("del\u{7F}", "del%7F"),
        ("ünï €", "ünï €"),
        ("a-b_c.d~(e)", "a-b_c.d~(e)"),
    ])
    func hiveEscaping(value: String, expected: String) {
        #expect(PartitionPath.hiveEscape(value) == expected)
    }

    @Test func directoryUsesDefaultPartitionForNullAndEmpty() {
        #expect(
            PartitionPath.directory(columns: ["a", "b", "c"], values: ["x/y", nil, ""])
                == "a=x%2Fy/b=__HIVE_DEFAULT_PARTITION__/c=__HIVE_DEFAULT_PARTITION__")
        #expect(PartitionPath.directory(columns: ["odd=name"], values: ["v"]) == "odd%3Dname=v")
    }

    @Test func uriEncodingKeepsSlashAndEquals() {
        #expect(PartitionPath.uriEncode("x=A%2FA/part-0.parquet") == "x=A%252FA/part-0.parquet")
        #expect(PartitionPath.uriEncode("s=a b/f.parquet") == "s=a%20b/f.parquet")
        #expect(PartitionPath.uriEncode("s=é/f") == "s=%C3%A9/f")
        #expect(PartitionPath.uriEncode("p=1+2&3/f") == "p=1%2B2%263/f")
    }

    @Test(arguments: ["x=A%2FA/part-0.parquet", "s=a b/é ü/€.parquet", "100%25 done=%3D/f", "plain/path.parquet"])
    func uriRoundTrip(path: String) {
        #expect(PartitionPath.uriDecode(PartitionPath.uriEncode(path)) == path)
    }

    @Test func uriDecodeAcceptsLowercaseAndKeepsMalformedEscapes() {
        #expect(PartitionPath.uriDecode("a%2fb%zz%4") == "a/b%zz%4")
        #expect(PartitionPath.uriDecode("s=a%2520b") == "s=a%20b")
    }

    @Test func partitionValueSerialization() {
        let date = Column(.int32([0, -1, 19_736]))
        #expect(PartitionPath.serialize(date, type: .date, row: 0) == "1970-01-01")
        #expect(PartitionPath.serialize(date, type: .date, row: 1) == "1969-12-31")
        #expect(PartitionPath.serialize(date, type: .date, row: 2) == "2024-01-14")
        let ts = Column(.int64([-1]))
        #expect(PartitionPath.serialize(ts, type: .timestamp, row: 0) == "1969-12-31T23:59:59.999999Z")
        let s = Column(.bytes(ByteColumn(["", "x"])), validity: [true, true])
        #expect(PartitionPath.serialize(s, type: .string, row: 0) == nil)
        #expect(PartitionPath.serialize(s, type: .string, row: 1) == "x")
        let nulls = Column(.int64([7]), validity: [false])
        #expect(PartitionPath.serialize(nulls, type: .long, row: 0) == nil)
        #expect(PartitionPath.serialize(Column(.boolean([true])), type: .boolean, row: 0) == "true")
    }
}
