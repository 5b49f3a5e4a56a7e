import Testing

@testable import DeltaStorage

@Suite struct ThriftCompactTests {
    private func bytes(_ body: (inout ThriftCompactWriter) -> Void) -> [UInt8] {
        let out = OutputBuffer()
        var w = ThriftCompactWriter(out)
        body(&w)
        return out.bytes
    }

    @Test func varintMatchesSpecExample() {
        let out = OutputBuffer()
        out.appendVarint(50399)
        #expect(out.bytes == [0xDF, 0x89, 0x03])
        out.count = 0
        out.appendVarint(0)
        out.appendVarint(127)
        out.appendVarint(128)
        #expect(out.bytes == [0x00, 0x7F, 0x80, 0x01])
    }

    @Test(arguments: [
        (Int32(0), UInt32(0)), (-1, 1), (1, 2), (-2, 3), (3, 6), (10, 20), (Int32.max, UInt32.max - 1),
        (Int32.min, UInt32.max),
    ])
    func zigzag32(_ n: Int32, _ z: UInt32) {
        #expect(ThriftCompactWriter.zigzag32(n) == z)
    }

    @Test func zigzag64AndI64Field() {
        #expect(ThriftCompactWriter.zigzag64(-1) == 1)
        #expect(ThriftCompactWriter.zigzag64(Int64.min) == UInt64.max)
        #expect(bytes { $0.i64(3, 3) } == [0x36, 0x06])
    }

    @Test func shortAndLongFieldHeaders() {
        // delta 1…15 → short form; a jump of 16 or a smaller id → long form with a zigzag id.
        #expect(bytes { $0.i32(1, 1) } == [0x15, 0x02])
        #expect(bytes { $0.i32(15, 0) } == [0xF5, 0x00])
        #expect(bytes { $0.i32(16, 0) } == [0x05, 0x20, 0x00])
        #expect(
            bytes { w in
                w.i32(5, 0)
                w.i32(2, 0)
            } == [0x55, 0x00, 0x05, 0x04, 0x00])
    }

    @Test func boolsLiveInTheTypeNibble() {
        #expect(bytes { $0.bool(1, true) } == [0x11])
        #expect(bytes { $0.bool(1, false) } == [0x12])
    }

    @Test func listHeaders() {
        #expect(bytes { $0.listField(2, element: .i32, size: 2) } == [0x29, 0x25])
        #expect(bytes { $0.listField(2, element: .structure, size: 15) } == [0x29, 0xFC, 0x0F])
    }

    @Test func nestedStructsRestartFieldIds() {
        let b = bytes { w in
            w.i32(1, 0)
            w.beginStruct(5)
            w.i32(1, 3)
            w.endStruct()
            w.i32(6, 1)
            w.endStruct()
        }
        #expect(b == [0x15, 0x00, 0x4C, 0x15, 0x06, 0x00, 0x15, 0x02, 0x00])
    }

    @Test func readerParsesWhatTheWriterWrites() throws {
        let b = bytes { w in
            w.i32(1, -7)
            w.i64(20, 1 << 40)
            w.string(21, "héllo")
            w.bool(22, true)
            w.listField(23, element: .i32, size: 20)
            for k in 0..<20 { w.rawI32(Int32(k)) }
            w.endStruct()
        }
        try b.withUnsafeBytes { raw in
            var r = ThriftCompactReader(raw)
            try r.beginStruct()
            var seen: [Int16] = []
            while let f = try r.nextField() {
                seen.append(f.id)
                switch f.id {
                case 1: #expect(try r.i32() == -7)
                case 20: #expect(try r.i64() == 1 << 40)
                case 21: #expect(try r.string() == "héllo")
                case 22: #expect(r.boolValue)
                case 23:
                    let (t, n) = try r.listHeader()
                    #expect(t == .i32 && n == 20)
                    for k in 0..<n { #expect(try r.i32() == Int32(k)) }
                default: Issue.record("unexpected field \(f.id)")
                }
            }
            #expect(seen == [1, 20, 21, 22, 23])
            #expect(r.position == raw.count)
        }
    }

    @Test func readerRejectsTruncatedData() {
        let b = bytes { $0.string(1, "abcdef") }
        let cut = Array(b.dropLast(2))
        #expect(throws: DecodeError.self) {
            try cut.withUnsafeBytes { raw in
                var r = ThriftCompactReader(raw)
                try r.beginStruct()
                while let f = try r.nextField() { try r.skip(f.type) }
            }
        }
    }
}
