import DedupYAML

/// `${VAR}` / `${VAR:-default}` expansion in config scalars (the seed's `.envrc` variables such as
/// `DELTA_TABLE_PATH`). `$$` is a literal `$`. An unset variable without a default is an error.
enum Interpolation {
    static func expand(_ s: String, _ env: [String: String], origin: YAMLNode.Origin, keyPath: String) throws -> String {
        guard s.contains("$") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            let next = s.index(after: i)
            if c == "$", next < s.endIndex, s[next] == "$" {
                out.append("$")
                i = s.index(after: next)
            } else if c == "$", next < s.endIndex, s[next] == "{" {
                guard let close = s[next...].firstIndex(of: "}") else {
                    throw error(s, origin, keyPath, "a closing '}' for '${' (write $$ for a literal $)")
                }
                let body = String(s[s.index(after: next)..<close])
                let name: String
                let fallback: String?
                if let r = body.range(of: ":-") {
                    name = String(body[..<r.lowerBound])
                    fallback = String(body[r.upperBound...])
                } else {
                    name = body
                    fallback = nil
                }
                guard isName(name) else {
                    throw error(
                        s, origin, keyPath, "an environment variable name ([A-Za-z_][A-Za-z0-9_]*) inside ${...}")
                }
                if let v = env[name], !(v.isEmpty && fallback != nil) {
                    out += v
                } else if let fallback {
                    out += fallback
                } else {
                    throw error(
                        s, origin, keyPath, "environment variable \(name) to be set (or a default: ${\(name):-value})")
                }
                i = s.index(after: close)
            } else {
                out.append(c)
                i = next
            }
        }
        return out
    }

    static func isName(_ n: String) -> Bool {
        guard let f = n.unicodeScalars.first, f == "_" || (f.isASCII && f.properties.isAlphabetic) else { return false }
        return n.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        }
    }

    static func error(_ s: String, _ o: YAMLNode.Origin, _ key: String, _ expected: String) -> ConfigError {
        ConfigError(file: o.file, line: o.line, column: o.column, keyPath: key, value: s, expected: expected)
    }
}
