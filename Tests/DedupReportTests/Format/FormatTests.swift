import Testing

@testable import DedupReport

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (1.005, 1, "1.0"), (2.5, 0, "3"), (-2.5, 0, "-3"), (0.0001, 2, "0.00"), (-0.001, 2, "0.00"),
        (1234.5678, 3, "1234.568"), (0.05, 2, "0.05"),
    ])
    func fixed(value: Double, decimals: Int, expected: String) {
        #expect(NumberFormat.fixed(value, decimals) == expected)
    }

    @Test func siAndSignificant() {
        #expect(NumberFormat.si(1_234_567) == "1.23M")
        #expect(NumberFormat.si(999_600) == "1.00M")
        #expect(NumberFormat.si(980) == "980")
        #expect(NumberFormat.si(45_100) == "45.1k")
        #expect(NumberFormat.significant(0.0011549) == "0.00115")
        #expect(NumberFormat.significant(9.996) == "10.0")
        #expect(NumberFormat.grouped(1_234_567) == "1,234,567")
        #expect(NumberFormat.grouped(-1000) == "-1,000")
        #expect(NumberFormat.percent(0.3) == "+30.0%")
        #expect(NumberFormat.percent(-0.031) == "-3.1%")
        #expect(NumberFormat.usd(0.00025284) == "0.000253")
        #expect(NumberFormat.usd(12.3) == "12.30")
        #expect(NumberFormat.shortest(3) == "3")
        #expect(NumberFormat.shortest(0.1) == "0.1")
    }
}

@Suite struct TextEscapingTests {
    let evil = "a`touch /tmp/x`'\" |\nsystem(\"id\") @m"

    @Test func markdownCellStaysOneCell() {
        let cell = TextEscaping.markdownCell(evil)
        #expect(!cell.contains("\n"))
        // Every | and backtick is escaped, so the row keeps its column count and no code span opens.
        #expect(!cell.contains(where: { $0 == "|" }) || cell.components(separatedBy: "\\|").count - 1 == cell.filter { $0 == "|" }.count)
        #expect(cell.replacing("\\`", with: "").filter { $0 == "`" }.isEmpty)
        #expect(TextEscaping.markdownCell("bronze_append") == "bronze_append")
        #expect(TextEscaping.markdownCell("_x_") == "\\_x\\_")
    }

    @Test func gnuplotStringIsSingleQuotedAndInert() {
        let s = TextEscaping.gnuplotString(evil)
        #expect(s.hasPrefix("'") && s.hasSuffix("'"))
        #expect(!s.contains("`"))
        #expect(!s.contains("\n"))
        // Inside, every quote is doubled: stripping '' pairs leaves no lone quote.
        #expect(!String(s.dropFirst().dropLast()).replacing("''", with: "").contains("'"))
        // gnuplot 5.4 misparses '''' — runs of quotes collapse to one.
        #expect(TextEscaping.gnuplotString("a''b") == "'a''b'")
        #expect(TextEscaping.gnuplotString("it's") == "'it''s'")
    }

    @Test func slugs() {
        #expect(TextEscaping.slug("Dup Sweep: `x`/y") == "dup-sweep-x-y")
        #expect(TextEscaping.slug("***") == "x")
    }
}
