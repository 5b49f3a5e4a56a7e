import DedupFormats
import DedupYAML

/// Every problem of one config file, not only the first (a user fixing a migrated seed config
/// sees them all in one pass). Thrown by `PipelineConfig.load`/`parse` when a file has two or
/// more errors; a single error is thrown as the plain `InputError`.
public struct ConfigErrors: Error, CustomStringConvertible, Sendable, Equatable {
    /// At most `ConfigErrors.cap` errors, in document order of discovery.
    public var errors: [InputError]
    /// How many more were found beyond the cap.
    public var omitted: Int

    /// The most errors reported (the rest are counted).
    public static let cap = 20

    public init(errors: [InputError], omitted: Int = 0) {
        self.errors = errors
        self.omitted = omitted
    }

    /// One located error per line, then `… and N more errors` when the cap was reached.
    public var lines: [String] {
        errors.map(\.description)
            + (omitted > 0 ? ["… and \(omitted) more error\(omitted == 1 ? "" : "s") (first \(Self.cap) shown)"] : [])
    }

    public var description: String { lines.joined(separator: "\n") }
}

/// A key that was accepted but has no effect in this run (a seed key dedupbench has no feature
/// for, or one that only another command uses). Reported once per key as a warning.
public struct ConfigNotice: Sendable, Equatable, CustomStringConvertible {
    /// `file:line:column` of the key.
    public var location: String
    /// The dotted key path, e.g. `prefect.execution.task_runner`.
    public var key: String
    /// Why it has no effect and what to use instead.
    public var reason: String
    /// Where it has no effect: everywhere, or only in a plain run (a `--serve` key).
    public var scope: Scope
    /// Position of the value (for document order; 0 when unknown).
    var line = 0
    var column = 0

    public enum Scope: Sendable, Equatable {
        case always
        /// Used by `pipeline --serve`; no effect in a plain run.
        case run
    }

    public var description: String { "\(location): \(key): \(reason)" }
}

/// Collects errors and notices while a config is decoded, so decoding goes on after a bad value.
final class ConfigIssues {
    private(set) var errors: [InputError] = []
    private(set) var found = 0
    private(set) var notices: [ConfigNotice] = []

    /// The notices in document order.
    var sortedNotices: [ConfigNotice] { notices.sorted { ($0.line, $0.column) < ($1.line, $1.column) } }

    func add(_ e: InputError) {
        guard !errors.contains(e) else { return }
        found += 1
        if errors.count < ConfigErrors.cap { errors.append(e) }
    }

    /// Records a no-effect key once.
    func notice(_ r: YAMLReader, _ reason: String, scope: ConfigNotice.Scope = .always) {
        guard !notices.contains(where: { $0.key == r.path }) else { return }
        let o = r.node.origin
        let e = InputError(file: o.file ?? "<config>", line: o.line ?? 0, column: o.column ?? 0, expected: "")
        notices.append(ConfigNotice(location: e.location, key: r.path, reason: reason, scope: scope, line: e.line, column: e.column))
    }

    /// Runs `body`; a thrown `InputError` (or list) is recorded and nil returned.
    func attempt<T>(_ body: () throws -> T) -> T? {
        do { return try body() } catch let e as InputError {
            add(e)
        } catch let e as ConfigErrors {
            for x in e.errors { add(x) }
        } catch {
            add(InputError(file: "<config>", expected: "\(error)"))
        }
        return nil
    }

    /// `body(r)` when the key is present.
    func read<T>(_ r: YAMLReader?, _ body: (YAMLReader) throws -> T) -> T? {
        guard let r else { return nil }
        return attempt { try body(r) }
    }

    /// Like `YAMLReader.mapping(allowed:)`, but every unknown key is recorded (with a did-you-mean
    /// hint) and the known ones are still returned.
    func mapping(_ r: YAMLReader, allowed: [String], hints: [String: String] = [:]) -> [String: YAMLReader] {
        guard let entries = r.node.entries else {
            if r.isNull { return [:] }
            add(r.fail("a mapping with keys \(YAMLReader.list(allowed))"))
            return [:]
        }
        var out: [String: YAMLReader] = [:]
        for e in entries {
            let child = YAMLReader(e.value, path: r.path.isEmpty ? e.key : "\(r.path).\(e.key)")
            if allowed.contains(e.key) {
                out[e.key] = child
                continue
            }
            let hint = hints[e.key].map { " (\($0))" } ?? Suggestion.hint(for: e.key, in: allowed)
            add(
                InputError(
                    file: e.keyOrigin.file ?? "<config>", line: e.keyOrigin.line ?? 0, column: e.keyOrigin.column ?? 0,
                    key: child.path, expected: "unknown key; expected one of \(YAMLReader.list(allowed))\(hint)"))
        }
        return out
    }

    /// Throws what was collected: nothing, the one error, or all of them in document order
    /// (file, line, column; errors without a position last).
    func throwIfAny() throws {
        if errors.count == 1 && found == 1 { throw errors[0] }
        guard !errors.isEmpty else { return }
        let sorted = errors.enumerated().sorted { a, b in
            let ka = (a.element.file, a.element.line == 0 ? Int.max : a.element.line, a.element.column, a.offset)
            let kb = (b.element.file, b.element.line == 0 ? Int.max : b.element.line, b.element.column, b.offset)
            return ka < kb
        }.map(\.element)
        throw ConfigErrors(errors: sorted, omitted: found - errors.count)
    }
}
