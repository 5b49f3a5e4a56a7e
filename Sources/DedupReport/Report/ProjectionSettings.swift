import DedupHarness
import Foundation

/// What the "Cost at your volume" section assumes, per experiment, and where each assumption came
/// from. A volume setting (`VolumeSpec.keys`) is taken from, in order:
/// 1. the command line (`commandLine`, e.g. `report --events-per-day 1G`);
/// 2. the experiment's `volume:` section — as recorded in its manifest, or, for results recorded
///    before manifests carried it, as the experiment file the manifest names reads now
///    (`readExperimentFiles`, which the CLI calls);
/// 3. the built-in default (`defaults`).
/// The price tables are the same for every experiment (`defaults.storage`, `defaults.compute`).
public struct ProjectionSettings: Sendable {
    /// The built-in volume and the price tables (with their sources in `defaults.sources`).
    public var defaults: CostProjection.Assumptions
    /// The volume fields given on the command line.
    public var commandLine: VolumeSpec
    /// The flag that set each command-line field (key → "--events-per-day").
    public var flags: [String: String]

    public init(
        defaults: CostProjection.Assumptions = .init(), commandLine: VolumeSpec = .init(), flags: [String: String] = [:]
    ) {
        self.defaults = defaults
        self.commandLine = commandLine
        self.flags = flags
    }

    /// The assumptions for one experiment, each with its source.
    func assumptions(for e: ExperimentResults) -> CostProjection.Assumptions {
        var a = defaults
        let manifest = e.files.compactMap(\.manifest).first { $0.volume != nil }
        for key in VolumeSpec.keys {
            if let v = commandLine[key] {
                a[key] = v
                a.sources[key] = "command line (`\(flags[key] ?? "--" + key)`)"
            } else if let m = manifest, let volume = m.volume, let v = volume[key], let origin = m.volumeOrigin {
                a[key] = v
                let place =
                    "`" + TextEscaping.singleLine(origin.file).replacing("`", with: "'")
                    + (volume.lines[key].map { ":\($0)" } ?? "") + "`"
                a.sources[key] = "experiment file \(place), `volume.\(key)`"
                if case .experimentFile = origin {
                    a.sources[CostProjection.Assumptions.noteKey] =
                        "The experiment file's `volume:` was read at report time: these runs' manifest predates volume settings."
                }
            }
        }
        return a
    }

    /// For each result file whose manifest has no `volume`, reads the `volume:` section of the
    /// experiment file the manifest names, when that file exists and names the same experiment
    /// (the section is validated as `dedupbench validate` does; its errors are thrown). The volume
    /// only shapes the report's projection, never a run, so a spec edited since the runs may supply it.
    public static func readExperimentFiles(_ files: [ResultFile]) throws(SpecError) -> [ResultFile] {
        var out = files
        for i in out.indices {
            guard var m = out[i].manifest, m.volume == nil, let path = m.experimentFile,
                FileManager.default.fileExists(atPath: path)
            else { continue }
            let (name, volume) = try VolumeSpec.load(experimentFile: path)
            guard let volume, name == m.experimentName else { continue }
            m.volume = volume
            m.volumeOrigin = .experimentFile(path)
            out[i].manifest = m
        }
        return out
    }
}
