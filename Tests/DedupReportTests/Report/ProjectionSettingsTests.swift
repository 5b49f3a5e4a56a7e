import DedupHarness
import Foundation
import Testing

@testable import DedupReport

/// Where "Cost at your volume" takes each assumption from: the command line, else the experiment's
/// `volume:` (recorded in the manifest, or read from the experiment file for older results), else
/// the built-in default — and the report says which, per assumption.
struct ProjectionSettingsTests {
    static let runs: [TestSupport.Run] = ["bronze_append", "delta_merge"].flatMap { s in
        (0..<2).map { r in
            TestSupport.Run(
                cell: s, repeatIndex: r, params: #"{"strategy":"\#(s)"}"#,
                overrides: ["strategy": s, "cpu_s": "0.11", "put_requests": "20", "get_requests": "10"])
        }
    }

    /// The crafted manifest with an `experiment` object (JSON text).
    static func manifest(experiment: String) -> String {
        "{\"experiment\": \(experiment), " + TestSupport.manifest().dropFirst()
    }

    static func volumeManifest(_ volume: String) -> String {
        manifest(
            experiment:
                #"{"name": "crafted", "file": "experiments/crafted.yaml", "sha256": "ab", "volume": \#(volume)}"#)
    }

    @Test func commandLineBeatsManifestBeatsDefault() throws {
        let root = try TestSupport.temporaryDirectory()
        let file = try TestSupport.resultFile(
            TestSupport.csv(Self.runs), in: root,
            manifest: Self.volumeManifest(
                #"{"events_per_day": 1000000000, "duplicate_rate": 0.2, "lines": {"events_per_day": 21, "duplicate_rate": 22}}"#
            ))
        #expect(
            file.manifest?.volume
                == VolumeSpec(
                    eventsPerDay: 1e9, duplicateRate: 0.2, lines: ["events_per_day": 21, "duplicate_rate": 22]))
        let e = ExperimentResults.group([file], resamples: 200)[0]
        let settings = ProjectionSettings(
            commandLine: VolumeSpec(duplicateRate: 0.05), flags: ["duplicate_rate": "--dup-rate 0.05"])
        let a = settings.assumptions(for: e)
        #expect(
            a.eventsPerDay == 1e9 && a.duplicateRate == 0.05 && a.retentionDays == 30 && a.batchIntervalSeconds == 300)
        #expect(a.sources["events_per_day"] == "experiment file `experiments/crafted.yaml:21`, `volume.events_per_day`")
        #expect(a.sources["duplicate_rate"] == "command line (`--dup-rate 0.05`)")
        #expect(a.sources["retention_days"] == nil && a.source("retention_days") == "built-in default")
        let projection = try #require(CostProjection(experiment: e, assumptions: a))
        #expect(projection.headline().hasPrefix("At 1B events/day with 5% duplicates and 30 days retention"))
        let sources = try #require(projection.assumptionLines().last)
        #expect(
            sources.hasPrefix(
                "Where each assumption came from: events/day 1B — experiment file `experiments/crafted.yaml:21`"))
        #expect(sources.contains("duplicate rate 5% — command line (`--dup-rate 0.05`)"))
        #expect(sources.contains("retention 30 days — built-in default"))
        // The rendered report carries the same line.
        let out = try PerformanceReport.write(
            files: [file], to: root.appendingPathComponent("out/R.md").path,
            options: .init(gnuplot: nil, resamples: 200, projection: settings))
        #expect(
            out.markdown.contains(
                "- Where each assumption came from: events/day 1B — experiment file `experiments/crafted.yaml:21`"))
    }

    @Test func badManifestVolumeIsRefusedWithItsKey() throws {
        for (volume, key, message) in [
            (
                #"{"duplicate_rate": -1}"#, "experiment.volume.duplicate_rate",
                "got '-1'; expected a number from 0 to 10"
            ),
            (#"{"events_per_day": "lots"}"#, "experiment.volume.events_per_day", "got 'lots'; expected a number"),
            (#"{"retention": 3}"#, "experiment.volume.retention", "unknown key; expected one of: events_per_day"),
            (#"[1]"#, "experiment.volume", "expected an object of volume settings"),
        ] {
            let root = try TestSupport.temporaryDirectory("bad-volume-\(key)")
            do {
                _ = try TestSupport.resultFile(
                    TestSupport.csv(Self.runs), in: root, manifest: Self.volumeManifest(volume))
                Issue.record("\(volume) loaded")
            } catch let error as ReportInputError {
                #expect(error.path.hasSuffix("manifest.json") && error.key == key, "\(error)")
                #expect(error.message.contains(message), "\(error.message)")
            }
        }
    }

    /// Results recorded before manifests carried the volume: the experiment file the manifest names
    /// supplies it when it exists and names the same experiment; the source says it was read now.
    @Test func olderResultsReadTheNamedExperimentFile() throws {
        let root = try TestSupport.temporaryDirectory()
        let spec = root.appendingPathComponent("crafted.yaml").path
        let manifest = Self.manifest(experiment: #"{"name": "crafted", "file": "\#(spec)", "sha256": "ab"}"#)
        let file = try TestSupport.resultFile(
            TestSupport.csv(Self.runs), in: root.appendingPathComponent("r"), manifest: manifest)
        #expect(file.manifest?.volume == nil)
        // No such file yet: nothing changes.
        #expect(try ProjectionSettings.readExperimentFiles([file])[0].manifest?.volume == nil)
        try "version: 1\nname: crafted\nvolume:\n  retention_days: 14\n".write(
            toFile: spec, atomically: true, encoding: .utf8)
        let read = try ProjectionSettings.readExperimentFiles([file])
        #expect(read[0].manifest?.volume?.retentionDays == 14)
        let a = ProjectionSettings().assumptions(for: ExperimentResults.group(read, resamples: 200)[0])
        #expect(a.retentionDays == 14)
        #expect(a.sources["retention_days"] == "experiment file `\(spec):4`, `volume.retention_days`")
        #expect(
            try #require(CostProjection(experiment: ExperimentResults.group(read, resamples: 200)[0], assumptions: a))
                .assumptionLines().last?.hasSuffix(
                    "The experiment file's `volume:` was read at report time: these runs' manifest predates volume settings."
                ) == true)
        // Another experiment's file is not used.
        try "version: 1\nname: other\nvolume:\n  retention_days: 14\n".write(
            toFile: spec, atomically: true, encoding: .utf8)
        #expect(try ProjectionSettings.readExperimentFiles([file])[0].manifest?.volume == nil)
        // A bad value there is an error naming the file and line, not a silent default.
        try "version: 1\nname: crafted\nvolume:\n  retention_days: -14\n".write(
            toFile: spec, atomically: true, encoding: .utf8)
        #expect {
            _ = try ProjectionSettings.readExperimentFiles([file])
        } throws: { error in
            guard let e = error as? SpecError else { return false }
            return e.file == spec && e.line == 4 && e.message.contains("retention_days")
        }
    }
}
