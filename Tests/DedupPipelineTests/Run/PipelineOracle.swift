import DeltaStorage
import Foundation
import Testing

/// The Python oracle venv and scripts, for the pipeline's interop tests. Runs when the venv exists
/// and always in CI (CI=true), where a missing venv fails loudly.
enum PipelineOracle {
    /// The package root, from this file's path (Tests/DedupPipelineTests/Run/PipelineOracle.swift).
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let python: String = {
        if let p = ProcessInfo.processInfo.environment["DEDUPBENCH_ORACLE_PYTHON"], !p.isEmpty { return p }
        return packageRoot + "/.venv-oracle/bin/python"
    }()

    static var isCI: Bool { ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "") }
    static var available: Bool { FileManager.default.isExecutableFile(atPath: python) }
    static var shouldRun: Bool { available || isCI }
    static let checkDelta = packageRoot + "/scripts/oracle/check_delta.py"

    /// Runs `python args…`, returning exit status, stdout and stderr.
    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        nonisolated(unsafe) var e = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            e = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// The table checksum of docs/STRATEGIES.md computed in Python over deltalake's reading of the
    /// table: an independent implementation of `RowDigest`.
    static let checksumScript = #"""
        import sys
        import pyarrow as pa, pyarrow.compute as pc
        from deltalake import DeltaTable
        K0, K1, M = 0xA0761D6478BD642F, 0xE7037ED1A0B428DB, (1 << 64) - 1
        def mum(a, b):
            p = a * b
            return ((p >> 64) ^ p) & M
        def hbytes(b):
            n = len(b); h = K0 ^ n
            for i in range(0, n, 8):
                h = mum(h ^ int.from_bytes(b[i:i + 8].ljust(8, b"\0"), "little"), K1)
            return mum(h ^ K0, K1 ^ n)
        def hint(v, tag):
            return mum((v & M) ^ K0, K1 ^ tag)
        t = DeltaTable(sys.argv[1]).to_pyarrow_table()
        cols = []
        for name in sorted(t.column_names):
            c = t.column(name); ty = c.type
            if pa.types.is_timestamp(ty): c, kind = pc.cast(c.cast(pa.timestamp("us", tz="UTC")), pa.int64()), "int"
            elif pa.types.is_date32(ty): c, kind = pc.cast(c, pa.int32()), "int"
            elif pa.types.is_integer(ty): kind = "int"
            elif pa.types.is_string(ty) or pa.types.is_large_string(ty): kind = "str"
            elif pa.types.is_binary(ty) or pa.types.is_large_binary(ty): kind = "bin"
            else: raise SystemExit("unexpected type %s" % ty)
            cols.append((kind, c.to_pylist()))
        total = 0
        for i in range(t.num_rows):
            h = K0
            for kind, values in cols:
                v = values[i]
                if v is None: x = 0x6E756C6C
                elif kind == "int": x = hint(v, 1)
                elif kind == "str": x = hbytes(v.encode())
                else: x = hbytes(v)
                h = mum(h ^ x, K1)
            total = (total + h) & M
        print("%016x" % total)
        sys.stdout.flush()
        import os
        os._exit(0)  # skip interpreter teardown: pyarrow + deltalake sometimes abort in it
        """#
}
