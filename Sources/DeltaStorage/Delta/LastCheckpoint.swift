import DedupFormats

/// `_delta_log/_last_checkpoint`: a hint pointing near the end of the log (PROTOCOL.md, "Last
/// Checkpoint File" and appendix "Last Checkpoint File Schema"). Readers treat it as a hint only:
/// when the checkpoint it names is missing or incomplete they fall back to listing the log.
public struct LastCheckpoint: Sendable, Equatable {
    public static let fileName = "_last_checkpoint"

    /// Table version of the checkpoint.
    public var version: Int
    /// Actions (rows) in the checkpoint.
    public var size: Int
    /// Number of part files of a multi-part checkpoint (nil for a single file).
    public var parts: Int?
    /// Bytes of the checkpoint (all parts).
    public var sizeInBytes: Int?
    /// `add` rows in the checkpoint.
    public var numOfAddFiles: Int?

    public init(version: Int, size: Int, parts: Int? = nil, sizeInBytes: Int? = nil, numOfAddFiles: Int? = nil) {
        self.version = version
        self.size = size
        self.parts = parts
        self.sizeInBytes = sizeInBytes
        self.numOfAddFiles = numOfAddFiles
    }

    /// The JSON text written (keys in the order delta-rs writes them; no checksum, which is optional).
    public var json: String {
        var pairs: [(String, JSONValue)] = [("version", .int(Int64(version))), ("size", .int(Int64(size)))]
        if let parts { pairs.append(("parts", .int(Int64(parts)))) }
        if let sizeInBytes { pairs.append(("sizeInBytes", .int(Int64(sizeInBytes)))) }
        if let numOfAddFiles { pairs.append(("numOfAddFiles", .int(Int64(numOfAddFiles)))) }
        return JSONValue.object(pairs).serialized
    }

    /// Parses the file's bytes; nil (with the reason) when they are not a usable hint.
    static func parse(_ bytes: [UInt8]) -> (LastCheckpoint?, String?) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            return (nil, "not valid JSON (column \(error.column): \(error.message))")
        }
        guard let v = value["version"]?.intValue, v >= 0, v <= Int64(Int.max) else {
            return (nil, "no non-negative integer 'version'")
        }
        let parts = value["parts"]?.intValue
        if let parts, parts < 1 || parts > 9_999_999_999 { return (nil, "'parts' is \(parts)") }
        return (
            LastCheckpoint(
                version: Int(v), size: Int(value["size"]?.intValue ?? 0), parts: parts.map { Int($0) },
                sizeInBytes: value["sizeInBytes"]?.intValue.map { Int($0) },
                numOfAddFiles: value["numOfAddFiles"]?.intValue.map { Int($0) }),
            nil
        )
    }
}
