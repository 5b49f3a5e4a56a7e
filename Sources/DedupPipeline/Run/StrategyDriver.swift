import DedupFormats
import DeltaStorage
import Logging

/// Runs one strategy over a `RunInput`: opens a pass over the source, creates the table, feeds it
/// the micro-batches (batch b+1 is generated, hashed and folded into the verifier's expected side
/// in the background while batch b is written), then reads the table back to verify it and fills
/// `RunMetrics`. Times (docs/RESULTS.md): `total_s` spans opening the source to the end of the
/// verification (plus a shared source's production); `wall_s` (ingest) spans table creation to
/// the last commit, waits for the next batch included; `verify_s` is the verifier's own work:
/// the CPU seconds of folding in batches (on the feed's thread, overlapped with the writes) plus
/// the wall seconds of the read-back (after the last commit). Generic over the concrete strategy
/// (reached through `StrategyKind.accept`), so the batch loop is specialised.
struct StrategyDriver: StrategyVisitor {
    let input: RunInput
    let tableDir: String
    /// How verification reads the table (tests substitute a faulty reader).
    var contents: @Sendable (DeltaTable) -> any TableContents = { DeltaTableContents(table: $0) }

    func visit<S: DedupStrategy>(_ type: S.Type) throws -> RunMetrics {
        let started = ResourceClock.now()
        let config = input.config
        let hash = Self.hashSettings(config, strategy: S.kind)
        let stream = try input.open()
        let schema = TableBatch.schema(records: stream.schema, encoding: hash.encoding)
        let options = StrategyOptions(
            strategy: S.kind.rawValue, values: config.strategies.options[S.kind.rawValue] ?? [:])
        var strategy = try S(options: options, schema: schema)  // bad options stop the invocation
        var m = parameters(kind: S.kind, hash: hash, stream: stream)
        m.tablePath = tableDir
        let log = Logger(label: "dedupbench.pipeline")
        if let rejection = input.rejection {  // the input itself fails the run: no table
            m.status = ResultColumns.statusFailed
            m.error = rejection
            m.failure = .input
            log.error("run failed", metadata: ["strategy": "\(S.kind.rawValue)", "error": "\(rejection)"])
            return m
        }

        var timer = PhaseTimer()
        var table: StrategyTable?
        let n = stream.truth.delivered
        let feed = BatchFeed(
            stream: stream, schema: schema, hash: hash,
            verifier: Verifier(
                expectation: strategy.expectation, expectedRows: n, uniqueIds: stream.truth.uniqueIds,
                spill: .beside(tableDir: tableDir)))
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
                try strategy.start(&st, expectedKeys: stream.truth.uniqueIds)
                return st
            }
            var next = try feed.make()
            var b = 0
            while let batch = next {
                feed.prefetch()  // generate and hash b+1 while b is written
                do {
                    try strategy.process(batch, &table!, &timer)
                    let every = config.maintenance.optimizeEvery
                    if every > 0 && (b + 1) % every == 0 {
                        try timer.measure(.maintenance) {
                            let r = try table!.optimize(
                                targetFileBytes: config.maintenance.targetFileSize.map { Int64($0) })
                            if r.version != nil { try strategy.tableCompacted(r, &table!) }
                        }
                    }
                } catch {
                    feed.wait()
                    throw error
                }
                log.debug(
                    "batch written",
                    metadata: ["strategy": "\(S.kind.rawValue)", "batch": "\(b)", "rows": "\(batch.rowCount)"])
                b += 1
                next = try feed.take()
            }
            if config.maintenance.vacuumAfter, table != nil {
                let r = try timer.measure(.maintenance) {
                    try table!.vacuum(retainHours: config.maintenance.retainHours)
                }
                m.bytesBeforeVacuum = Int(r.bytesOnDiskBefore)
            }
        } catch {
            m.fail(error)
        }
        m.wallS = ResourceClock.now() - t0
        m.maintenanceS = timer[.maintenance]
        m.cpuS = ResourceClock.cpuSeconds() - cpu0
        let measured = store.requests.map { $0.since(requests0 ?? RequestCounts()) }
        m.genS = stream.seconds
        m.hashS = feed.hashSeconds
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
                let (v0, c0) = (ResourceClock.now(), ResourceClock.cpuSeconds())
                verify(&m, feed.verifier, t.table, truth: stream.truth)
                let readBack = ResourceClock.now() - v0
                m.verifyS = feed.observeSeconds + readBack
                log.debug(
                    "verified",
                    metadata: [
                        "observe_cpu_s": "\(feed.observeSeconds)", "observe_wall_s": "\(feed.observeWallSeconds)",
                        "read_back_s": "\(readBack)", "read_back_cpu_s": "\(ResourceClock.cpuSeconds() - c0)",
                    ])
            }
        }
        m.totalS = ResourceClock.now() - started + input.sharedSeconds
        m.peakRssBytes = ResourceClock.peakRSSBytes()  // the whole run, verification included
        // Log lines stay short: seconds to the millisecond, and no empty error field.
        func ms(_ s: Double) -> String { "\((s * 1000).rounded() / 1000)" }
        var metadata: Logger.Metadata = [
            "strategy": "\(S.kind.rawValue)", "status": "\(m.status)", "total_s": "\(ms(m.totalS))",
            "wall_s": "\(ms(m.wallS))",
        ]
        if m.maintenanceS > 0 {
            metadata["maintenance_s"] = "\(ms(m.maintenanceS))"
            metadata["bytes_before_vacuum"] = "\(m.bytesBeforeVacuum)"
        }
        if !m.error.isEmpty { metadata["error"] = "\(m.error)" }
        // A failed write or verification is an error, not news: it shows at the default level.
        log.log(level: m.succeeded ? .info : .error, "run finished", metadata: metadata)
        return m
    }

    /// Verification, after the run: the expected side was folded in as the batches were prepared;
    /// the table is read back and compared.
    private func verify(_ m: inout RunMetrics, _ verifier: Verifier, _ table: DeltaTable, truth: GroundTruth) {
        do {
            let usage = try table.usage()
            m.tableBytes = Int(usage.bytesOnDisk)
            if m.bytesBeforeVacuum == 0 { m.bytesBeforeVacuum = m.tableBytes }
            m.liveBytes = Int(usage.liveBytes)
            let r = try verifier.verify(contents(table), truth: truth)
            m.apply(r)
        } catch {
            m.fail(error)
        }
    }

    /// The run's parameters as actually used.
    private func parameters(kind: StrategyKind, hash: HashSettings, stream: any RecordStream) -> RunMetrics {
        let c = input.config
        let out = stream
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
        m.quarantined = input.quarantined
        return m
    }

    /// `hash:` settings, with the strategy's own `hash_algorithm` option (seed style) winning.
    static func hashSettings(_ config: PipelineConfig, strategy: StrategyKind) -> HashSettings {
        var h = config.hash
        if let name = config.strategies.option(strategy.rawValue, "hash_algorithm")?.stringValue,
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
        let text = SystemErrorText.describe(error)  // in words, never a Foundation dump
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
