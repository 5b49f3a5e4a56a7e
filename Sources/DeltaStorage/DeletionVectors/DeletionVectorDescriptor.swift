/// The `deletionVector` of an `add` or `remove` action (PROTOCOL.md, "Deletion Vector Descriptor
/// Schema"): where the set of deleted row indexes of one data file is stored.
public struct DeletionVectorDescriptor: Sendable, Equatable, Hashable {
    /// `storageType`: how `pathOrInlineDv` locates the bitmap.
    public enum StorageType: String, Sendable, CaseIterable {
        /// `<random prefix><20 Z85 characters of a UUID>`: the file
        /// `<table>/<prefix>/deletion_vector_<uuid>.bin`.
        case uuidRelative = "u"
        /// Z85 text of the serialized bitmap itself, in the log.
        case inline = "i"
        /// An absolute path (or URI) of the DV file, in the form of `add.path`.
        case absolutePath = "p"
    }

    public var storageType: StorageType
    public var pathOrInlineDv: String
    /// Byte offset of this DV's record in its file (absent for inline DVs).
    public var offset: Int64?
    /// Bytes of the serialized bitmap (before Z85 encoding when inline).
    public var sizeInBytes: Int64
    /// Rows the DV deletes.
    public var cardinality: Int64

    public init(
        storageType: StorageType, pathOrInlineDv: String, offset: Int64?, sizeInBytes: Int64, cardinality: Int64
    ) {
        self.storageType = storageType
        self.pathOrInlineDv = pathOrInlineDv
        self.offset = offset
        self.sizeInBytes = sizeInBytes
        self.cardinality = cardinality
    }

    /// The protocol's derived `uniqueId`: `<storageType><pathOrInlineDv>[@<offset>]`. A logical file
    /// is identified by (path, uniqueId) in action reconciliation.
    public var uniqueId: String {
        storageType.rawValue + pathOrInlineDv + (offset.map { "@\($0)" } ?? "")
    }

    /// The DV file relative to the table root for `u` (`<prefix>/deletion_vector_<uuid>.bin`), the
    /// absolute path for `p`, nil for inline DVs. Throws when the UUID text is not Z85.
    public func filePath(tablePath: String) throws(DeltaError) -> String? {
        switch storageType {
        case .inline: return nil
        case .absolutePath:
            return DeltaLogValidation.localPath(pathOrInlineDv, tablePath: tablePath)
        case .uuidRelative:
            let chars = Array(pathOrInlineDv.utf8)
            guard chars.count >= 20 else {
                throw DeltaError(
                    .corruptLog,
                    "deletionVector.pathOrInlineDv '\(pathOrInlineDv)': expected ≥ 20 characters (prefix + Z85 UUID)")
            }
            let prefix = String(decoding: chars[..<(chars.count - 20)], as: UTF8.self)
            guard let uuid = Z85.decode(Array(chars[(chars.count - 20)...])), uuid.count == 16 else {
                throw DeltaError(
                    .corruptLog, "deletionVector.pathOrInlineDv '\(pathOrInlineDv)': the last 20 characters are not Z85"
                )
            }
            guard !prefix.contains("/"), prefix != "." && prefix != ".." else {
                throw DeltaError(.corruptLog, "deletionVector.pathOrInlineDv '\(pathOrInlineDv)': bad random prefix")
            }
            let name = "deletion_vector_" + Self.canonicalUUID(uuid) + ".bin"
            return tablePath + "/" + (prefix.isEmpty ? name : prefix + "/" + name)
        }
    }

    /// 16 bytes → `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (lowercase).
    static func canonicalUUID(_ b: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var s = ""
        for (i, byte) in b.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { s.append("-") }
            s.append(digits[Int(byte >> 4)])
            s.append(digits[Int(byte & 15)])
        }
        return s
    }
}
