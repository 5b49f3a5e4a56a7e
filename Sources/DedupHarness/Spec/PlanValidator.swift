import DedupFormats
import DedupPipeline
import Foundation

/// Checks an expanded plan against the pipeline before anything runs: every strategy exists, the
/// base config loads, and every axis value and override is accepted by the pipeline's config
/// (each distinct key=value once, so a 10,000-cell matrix costs a few dozen config loads).
public enum PlanValidator {
    /// The `--set` pairs that turn the base config into a cell's config (all params but strategy).
    public static func overrides(of cell: Cell) -> [(key: String, value: String)] {
        cell.keys.compactMap { key in
            guard key != ExperimentSpec.strategyKey, let v = cell.params[key] else { return nil }
            return (key, ChildProcessExecutor.setText(v))
        }
    }

    /// Throws the first problem as a `SpecError` located at the axis (or `--set`) that caused it.
    public static func check(_ plan: ExperimentPlan) throws(SpecError) {
        let spec = plan.spec
        var baseConfig = ""
        var temporary: String?
        switch spec.base {
        case .path(let p): baseConfig = p
        case .inline(let yaml):
            let p = (NSTemporaryDirectory() as NSString).appendingPathComponent(
                "dedupbench-check-\(getpid())-pipeline.yaml")
            guard FileManager.default.createFile(atPath: p, contents: Data(yaml.utf8)) else {
                throw SpecError(
                    file: spec.file, line: 0, column: 0, key: "pipeline", value: nil,
                    expected: "a temporary copy of the inline config at \(p) (cannot write it)")
            }
            baseConfig = p
            temporary = p
        }
        defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }
        let strategyAxis = spec.axes.first { $0.key == ExperimentSpec.strategyKey }
        for cell in plan.cells where StrategyKind(rawValue: cell.strategy) == nil {
            let names = StrategyKind.allCases.map(\.rawValue)
            var expected = "a strategy: one of \(names.joined(separator: ", "))"
            if let near = Suggestion.closest(to: cell.strategy, in: names) { expected = "'\(near)' (\(expected))" }
            throw SpecError(
                file: spec.file, line: strategyAxis?.line ?? 0, column: strategyAxis?.column ?? 0,
                key: "matrix.strategy", value: cell.strategy, expected: expected)
        }
        do {
            _ = try PipelineConfig.load(path: baseConfig)
        } catch {
            throw SpecError(
                file: spec.file, line: 0, column: 0, key: "base", value: baseConfig,
                expected: "a valid pipeline config — \(error)")
        }
        var seen: Set<String> = []
        for cell in plan.cells {
            for (key, value) in overrides(of: cell) where seen.insert("\(key)=\(value)").inserted {
                do {
                    _ = try PipelineConfig.load(path: baseConfig, overrides: [(key, value)])
                } catch {
                    let axis = spec.axes.first { $0.key == key }
                    let inSet = plan.overrides.contains { $0.key == key }
                    // The pipeline's own expectation reads best ("one of sha256, md5, xxh64").
                    let expected =
                        (error as? ConfigError).map { $0.keyPath == key ? $0.expected : "\($0)" }
                        ?? "a value the pipeline accepts (\(error))"
                    throw SpecError(
                        file: inSet ? "--set" : spec.file, line: inSet ? 0 : axis?.line ?? 0,
                        column: inSet ? 0 : axis?.column ?? 0, key: inSet ? key : "matrix.\(key)",
                        value: value, expected: expected)
                }
            }
        }
    }
}

extension PlanValidator {
    /// Validates a pipeline config file on its own (`dedupbench validate config/pipeline.yaml`).
    public static func checkPipelineConfig(path: String) throws(SpecError) {
        do { _ = try PipelineConfig.load(path: path) } catch let e as ConfigError {
            throw e  // the same type as SpecError: file, line, column, key, value, expected
        } catch let list as ConfigErrors {
            // The first, and how many more (`dedupbench validate FILE` lists them all).
            var e = list.errors[0]
            let more = list.errors.count - 1 + list.omitted
            e.expected += " (and \(more) more error\(more == 1 ? "" : "s") in this file; `dedupbench validate \(path)` lists them)"
            throw e
        } catch {
            throw SpecError(
                file: path, line: 0, column: 0, key: "", value: nil, expected: "a valid pipeline config (\(error))")
        }
    }
}
