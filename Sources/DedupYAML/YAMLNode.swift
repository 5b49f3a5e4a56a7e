import DedupFormats
import Yams

/// A composed YAML document reduced to what our files use (scalars, lists, mappings with text
/// keys), every node keeping its position so every error can point at file, line and column.
///
/// The one YAML layer: pipeline configs, experiment specs and price tables all read through it.
/// Composing rejects what we never accept: aliases (`*name`, which also bounds "billion laughs"
/// expansion), non-text keys and a key repeated in one mapping.
public struct YAMLNode: Sendable {
    public enum Kind: Sendable {
        /// `quoted`: written in quotes or as a block scalar (`|`, `>`), so always a string.
        case scalar(String, quoted: Bool)
        case sequence([YAMLNode])
        case mapping([Entry])
    }

    public struct Entry: Sendable {
        public var key: String
        /// Where the key is written (for "unknown key" errors).
        public var keyOrigin: Origin
        /// The key was quoted (kept so `yamlText` writes it back the same way).
        public var keyQuoted: Bool
        public var value: YAMLNode

        public init(key: String, keyOrigin: Origin, keyQuoted: Bool = false, value: YAMLNode) {
            self.key = key
            self.keyOrigin = keyOrigin
            self.keyQuoted = keyQuoted
            self.value = value
        }
    }

    /// Where a node came from: a file position (1-based) or a command-line override.
    public struct Origin: Sendable, Equatable {
        public var file: String?
        public var line: Int?
        public var column: Int?

        public init(file: String? = nil, line: Int? = nil, column: Int? = nil) {
            self.file = file
            self.line = line
            self.column = column
        }
    }

    public var kind: Kind
    public var origin: Origin

    public init(kind: Kind, origin: Origin) {
        self.kind = kind
        self.origin = origin
    }

    public static func emptyMapping(_ origin: Origin) -> YAMLNode { YAMLNode(kind: .mapping([]), origin: origin) }

    public var entries: [Entry]? { if case .mapping(let e) = kind { e } else { nil } }
    public var items: [YAMLNode]? { if case .sequence(let s) = kind { s } else { nil } }
    public var scalar: (text: String, quoted: Bool)? { if case .scalar(let s, let q) = kind { (s, q) } else { nil } }

    /// A plain (unquoted) scalar that resolves to null: empty, `~` or `null`.
    public var isNull: Bool { if let s = scalar, !s.quoted { YAMLScalar.isNull(s.text) } else { false } }

    /// The value of `key` in a mapping.
    public subscript(key: String) -> YAMLNode? { entries?.first { $0.key == key }?.value }

    /// How the node was written, for messages: the scalar text, or a short form of a collection.
    public var shown: String {
        switch kind {
        case .scalar(let s, _): s
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// The node resolved by the YAML 1.2 core schema (`YAMLScalar.resolve`) into JSON values;
    /// mappings keep their order. Non-finite numbers cannot occur (`.inf`, `nan` stay text).
    public var jsonValue: JSONValue {
        switch kind {
        case .scalar(let s, let quoted): YAMLScalar.resolve(s, quoted: quoted)
        case .sequence(let items): .array(items.map(\.jsonValue))
        case .mapping(let entries): .object(entries.map { ($0.key, $0.value.jsonValue) })
        }
    }

    /// An `InputError` located at this node.
    public func error(key: String, value: String? = nil, expected: String) -> InputError {
        InputError(
            file: origin.file ?? "<input>", line: origin.line ?? 0, column: origin.column ?? 0, key: key, value: value,
            expected: expected)
    }
}
