import DeltaStorage
import Foundation
import Testing

@testable import DedupPipeline

@Suite struct HashColumnsTests {
    static let vectors: [(HashAlgorithm, String, String)] = [
        // FIPS 180-2 / NIST examples.
        (.sha256, "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (.sha256, "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (
            .sha256, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        // RFC 1321 appendix A.5.
        (.md5, "", "d41d8cd98f00b204e9800998ecf8427e"),
        (.md5, "a", "0cc175b9c0f1b6a831c399e269772661"),
        (.md5, "abc", "900150983cd24fb0d6963f7d28e17f72"),
        (.md5, "message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        (.md5, "abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        // xxHash reference (XXH64, seed 0, canonical big-endian form).
        (.xxh64, "", "ef46db3751d8e999"),
        (.xxh64, "a", "d24ec4f1a98c6e5b"),
        (.xxh64, "abc", "44bc2cf5ad770999"),
        (.xxh64, "Nobody inspects the spammish repetition", "fbcea83c8a378bf1"),
    ]

    @Test(arguments: 0..<vectors.count)
    func publishedVectors(_ i: Int) {
        let (algorithm, input, expected) = HashColumnsTests.vectors[i]
        #expect(Digest.hex(algorithm, Array(input.utf8)) == expected)
        #expect(Digest.raw(algorithm, Array(input.utf8)).count == algorithm.digestBytes)
    }

    @Test func keyAndPayloadBytesAreTheDocumentedForm() {
        let b = RecordGenerator(seed: 2).generate(count: 3)
        guard case .bytes(let ids) = b.columns[0].values, case .int32(let parts) = b.columns[2].values,
            case .int64(let created) = b.columns[3].values, case .int32(let values) = b.columns[4].values,
            case .bytes(let zips) = b.columns[5].values
        else { return }
        let key = String(decoding: HashColumns.compositeKey(b, row: 2), as: UTF8.self)
        #expect(key == "\(ids.string(at: 2))2\(parts[2])")
        let payload = String(decoding: HashColumns.canonicalPayload(b, row: 2), as: UTF8.self)
        #expect(payload == "\(ids.string(at: 2))|2|\(parts[2])|\(created[2])|\(values[2])|\(zips.string(at: 2))")
    }

    @Test(arguments: HashAlgorithm.allCases)
    func columnsMatchRowByRowDigestsInBothEncodings(_ algorithm: HashAlgorithm) {
        let b = RecordGenerator(seed: 6).generate(count: 40_000)  // several parallel chunks
        let hex = HashColumns.compute(b, algorithm: algorithm, encoding: .hex)
        let bin = HashColumns.compute(b, algorithm: algorithm, encoding: .binary)
        guard case .bytes(let ch) = hex.composite.values, case .bytes(let ph) = hex.payload.values,
            case .bytes(let cb) = bin.composite.values, case .bytes(let pb) = bin.payload.values
        else { return }
        #expect(ch.count == 40_000 && ch.bytes.count == 40_000 * algorithm.digestBytes * 2)
        for row in [0, 1, 9_999, 20_001, 39_999] {
            #expect(ch.string(at: row) == Digest.hex(algorithm, HashColumns.compositeKey(b, row: row)))
            #expect(ph.string(at: row) == Digest.hex(algorithm, HashColumns.canonicalPayload(b, row: row)))
            #expect(Array(cb[row]) == Digest.raw(algorithm, HashColumns.compositeKey(b, row: row)))
            #expect(HashColumnsTests.hexString(Array(pb[row])) == ph.string(at: row))
        }
        let appended = HashColumns.appending(to: b, algorithm: algorithm, encoding: .binary)
        #expect(appended.schema.names.suffix(2) == ["composite_hash", "payload_hash"])
        #expect(appended.schema.fields.last?.type == .binary)
    }

    static func hexString(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// Runs a tool with `input` on stdin and returns its stdout.
    static func run(_ tool: String, _ args: [String], input: Data) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        let stdin = Pipe()
        let stdout = Pipe()
        p.standardInput = stdin
        p.standardOutput = stdout
        try p.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func independentToolsAgree() throws {
        let b = RecordGenerator(seed: 77).generate(count: 50)
        let sha = HashColumns.compute(b, algorithm: .sha256, encoding: .hex)
        let md5 = HashColumns.compute(b, algorithm: .md5, encoding: .hex)
        guard case .bytes(let shaKey) = sha.composite.values, case .bytes(let shaPayload) = sha.payload.values,
            case .bytes(let md5Key) = md5.composite.values
        else { return }
        // coreutils on single rows: exactly the bytes `printf '%s%d%d' id seq part | sha256sum` sees.
        for row in [0, 49] {
            let key = Data(HashColumns.compositeKey(b, row: row))
            #expect(
                try HashColumnsTests.run("/usr/bin/sha256sum", [], input: key).hasPrefix(shaKey.string(at: row) + " "))
            #expect(try HashColumnsTests.run("/usr/bin/md5sum", [], input: key).hasPrefix(md5Key.string(at: row) + " "))
        }
        // Python's hashlib over every row's canonical payload (one line per row, hex in, hex out).
        let payloads = (0..<50).map { HashColumnsTests.hexString(HashColumns.canonicalPayload(b, row: $0)) }
        let script =
            "import sys,hashlib\nfor l in sys.stdin: print(hashlib.sha256(bytes.fromhex(l.strip())).hexdigest())"
        let python =
            FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
            ? "/usr/bin/python3" : "/usr/local/bin/python3"
        let out = try HashColumnsTests.run(python, ["-c", script], input: Data(payloads.joined(separator: "\n").utf8))
        #expect(out.split(separator: "\n").map(String.init) == (0..<50).map { shaPayload.string(at: $0) })
    }
}

extension HashColumnsTests {
    /// Messages of 0...120 bytes cross the one-block fast path (≤ 55 bytes, padded by
    /// `Digest.sha256OneBlock`) and OpenSSL's own padding (longer): Python's hashlib agrees on all.
    @Test func sha256AgreesWithHashlibAcrossThePaddingBoundary() throws {
        var rng = Xoshiro256StarStar(seed: 3)
        let messages = (0...120).map { n in (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) } }
        let script =
            "import sys,hashlib\nfor l in sys.stdin: print(hashlib.sha256(bytes.fromhex(l.strip())).hexdigest())"
        let python =
            FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
            ? "/usr/bin/python3" : "/usr/local/bin/python3"
        let input = messages.map { HashColumnsTests.hexString($0) }.joined(separator: "\n")
        let out = try HashColumnsTests.run(python, ["-c", script], input: Data(input.utf8))
        #expect(out.split(separator: "\n").map(String.init) == messages.map { Digest.hex(.sha256, $0) })
    }
}

@Suite struct DecimalTextTests {
    @Test func decimalMatchesSwiftFormatting() {
        var values: [Int64] = [0, 1, 9, 10, 99, 100, 12_345, 99_999_999, 100_000_000, 1_736_726_400_000_000]
        values += [Int64.max, Int64.min, -1, -100_000_000, 9_999_999_999_999_999, 10_000_000_000_000_000]
        var p: Int64 = 1
        for _ in 0..<18 {
            values += [p - 1, p, p + 1, -p]
            p *= 10
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buf in
            for v in values {
                let n = Decimal.write(v, to: buf.baseAddress!)
                #expect(String(decoding: UnsafeBufferPointer(rebasing: buf[0..<n]), as: UTF8.self) == String(v))
            }
        }
    }
}
