import DeltaStorage
import Logging

/// Runs one strategy over a `RunInput`: creates its table, feeds it the micro-batches (batch b+1
/// is hashed in the background while batch b is written), then verifies the table and fills
/// `RunMetrics`. `wall_s` and `cpu_s` span table creation to the last commit; verification comes
/// after and is not timed. Generic over the concrete strategy (reached through
/// `StrategyKind.accept`), so the batch loop is specialised.
struct StrategyDriver: StrategyVisitor {
    let input: RunInput
    let tableDir: String
    /// How verification reads the table (tests substitute a faulty reader).
    var contents: @Sendable (DeltaTable) -> any TableContents = { DeltaTableContents(table: $0) }

    func visit<S: DedupStrategy>(_ type: S.Type) throws -> RunMetrics {
        let config = input.config
        let hash = Self.hashSettings(config, strategy: S.kind)
        let schema = TableBatch.schema(records: input.recordSchema, encoding: hash.encoding)
        let options = StrategyOptions(
            strategy: S.kind.rawValue, values: config.strategies.options[S.kind.rawValue] ?? [:])
        var strategy = try S(options: options, schema: schema)  // bad options stop the invocation
        var m = parameters(kind: S.kind, hash: hash)
        m.tablePath = tableDir
        let log = Logger(label: "dedupbench.pipeline")

        var timer = PhaseTimer()
        var table: StrategyTable?
        let n = input.recordCount
        let count = input.batches.count
        let prep = HashAhead(batches: input.batches, schema: schema, hash: hash)
        let store = try PipelineRunner.openStore(tableDir, config: config)
        m.storageBackend = store.backend
        let requests0 = store.requests
        let cpu0 = ResourceClock.cpuSeconds()
        let t0 = ResourceClock.now()
        do {
            table = try timer.measure(.other) {
                let t = try DeltaTable.create(
                    in: store, schema: schema, partitionColumns: strategy.partitionColumns,
                    options: writeOptions(config, kind: S.kind))
                var st = StrategyTable(table: t, partBytes: config.storage.multipartPartBytes)
                st.recordCreate(commitBytes: t.creationCommitBytes)
                try strategy.start(&st, expectedRows: n)
                return st
            }
            var next = count > 0 ? prep.make(0) : nil
            for b in 0..<count {
                let batch = next!
                if b + 1 < count { prep.prefetch(b + 1) }  // hash b+1 while b is written
                defer { next = b + 1 < count ? prep.take() : nil }
                try strategy.process(batch, &table!, &timer)
                log.debug(
                    "batch written",
                    metadata: ["strategy": "\(S.kind.rawValue)", "batch": "\(b)", "rows": "\(batch.rowCount)"])
            }
        } catch {
            m.fail(error)
        }
        m.wallS = ResourceClock.now() - t0
        m.cpuS = ResourceClock.cpuSeconds() - cpu0
        let measured = store.requests.map { $0.since(requests0 ?? RequestCounts()) }
        m.peakRssBytes = ResourceClock.peakRSSBytes()  // before verification, which needs memory of its own
        m.hashS = prep.seconds
        m.dedupS = timer[.dedup]
        m.writeS = timer[.write]
        m.throughputRps = m.wallS > 0 ? Double(m.recordsIn) / m.wallS : 0
        if let t = table {
            m.filesWritten = t.counters.filesWritten
            m.commits = t.counters.commits
            m.bytesWritten = t.counters.bytesWritten
            m.putRequests = t.counters.putRequests
            m.getRequests = t.counters.getRequests
            m.requestsSource = ResultColumns.requestsModelled
            if let measured {  // S3: the requests really sent replace the model (DESIGN §6)
                m.putRequests = measured.putClass
                m.getRequests = measured.getClass
                m.requestsSource = ResultColumns.requestsMeasured
            }
            if m.succeeded {
                verify(&m, Verifier(expectation: strategy.expectation), t.table, prep: prep, count: count)
            }
        }
        log.info(
            "run finished",
            metadata: [
                "strategy": "\(S.kind.rawValue)", "status": "\(m.status)", "wall_s": "\(m.wallS)",
                "error": "\(m.error)",
            ])
        return m
    }

    /// Verification, after the timed run: the batches are prepared again (deterministically) for
    /// the verifier, then the table is read back and compared.
    private func verify(_ m: inout RunMetrics, _ v: Verifier, _ table: DeltaTable, prep: HashAhead, count: Int) {
        var verifier = v
        for b in 0..<count { verifier.observe(prep.make(b)) }
        do {
            let usage = try table.usage()
            m.tableBytes = Int(usage.bytesOnDisk)
            m.liveBytes = Int(usage.liveBytes)
            let r = try verifier.verify(contents(table), truth: input.output.truth)
            m.apply(r)
        } catch {
            m.fail(error)
        }
    }

    /// The run's parameters as actually used.
    private func parameters(kind: StrategyKind, hash: HashSettings) -> RunMetrics {
        let c = input.config
        let out = input.output
        var m = RunMetrics()
        m.seed = input.seed
        m.strategy = kind.rawValue
        m.source = c.source.kind.rawValue
        m.mode = c.generation.mode.rawValue
        m.scale = c.generation.scale
        m.batches = max(1, c.batches)  // as configured (empty micro-batches of tiny inputs are skipped)
        let chaos = out.chaos
        m.dupProb = chaos?.dupProb ?? 0
        m.slowProb = chaos?.slowProb ?? 0
        m.dropProb = chaos?.dropProb ?? 0
        m.hashAlgorithm = hash.algorithm.rawValue
        m.hashEncoding = hash.encoding.rawValue
        m.codec = c.storage.codec.rawValue
        m.recordsIn = out.truth.delivered
        m.uniqueIn = out.truth.uniqueIds
        m.duplicatesIn = out.truth.duplicatesInjected
        m.droppedIn = out.truth.dropped
        m.genS = out.seconds
        return m
    }

    /// `hash:` settings, with the strategy's own `hash_algorithm` option (seed style) winning.
    static func hashSettings(_ config: PipelineConfig, strategy: StrategyKind) -> HashSettings {
        var h = config.hash
        if let name = config.strategies.option(strategy.rawValue, "hash_algorithm")?.string,
            let a = HashAlgorithm(rawValue: name)
        {
            h.algorithm = a
        }
        return h
    }

    private func writeOptions(_ c: PipelineConfig, kind: StrategyKind) -> DeltaWriteOptions {
        let parquet = ParquetWriteOptions(
            codec: c.storage.codec, compressionLevel: c.storage.compressionLevel.map { Int32($0) },
            rowGroupSizeBytes: c.storage.rowGroupSize, dictionaryColumns: .only(Self.dictionaryColumns))
        let strategyIndex = UInt64(StrategyKind.allCases.firstIndex(of: kind)!)
        return DeltaWriteOptions(
            parquet: parquet, targetFileBytes: c.storage.targetFileSize,
            seed: SplitMix64.value(seed: input.seed, stream: 0x7461_626C_65, counter: strategyIndex))
    }

    /// Columns worth a Parquet dictionary: few distinct values per file. Ids, times, zip codes
    /// and hashes are (nearly) unique per batch, so trying a dictionary on them only costs time.
    static let dictionaryColumns: Set<String> = [RecordSchema.partitionId, RecordSchema.value]
}

extension RunMetrics {
    /// Marks the run failed with `error`'s text.
    mutating func fail(_ error: Error) {
        status = ResultColumns.statusFailed
        let text = "\(error)"
        self.error = self.error.isEmpty ? text : self.error + "; " + text
        if let d = error as? DeltaError, d.kind == .io { failure = .io } else if failure == nil { failure = .error }
    }

    /// Copies a verification's findings; a mismatch fails the run.
    mutating func apply(_ r: VerificationResult) {
        rowsExpected = r.rowsExpected
        rowsWritten = r.rowsWritten
        duplicatesLeft = r.duplicatesLeft
        lostRecords = r.lostRecords
        checksum = r.checksum
        if !r.passed {
            status = ResultColumns.statusFailed
            error = "verification failed: " + r.failures.joined(separator: "; ")
            failure = .verification
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
