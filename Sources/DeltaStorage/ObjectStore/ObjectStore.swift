/// Where a Delta table's objects live: the operations of an object store (S3's API: PUT, conditional
/// PUT, multipart upload, ranged GET, HEAD, LIST, DELETE) over keys relative to the table root.
///
/// Keys are `/`-separated and not URI-encoded (`_delta_log/00000000000000000000.json`,
/// `partition_date=2025-01-13/part-00000-….snappy.parquet`). Every method throws `DeltaError`
/// (kind `.io` for a failed request or system call) naming the object's `location`.
/// Implementations: `LocalObjectStore` (a directory; put-if-absent via `link(2)`) and, in the
/// `DeltaS3` module, `S3ObjectStore`. Both must be safe to call from several threads at once.
public protocol ObjectStore: Sendable {
    /// The table root as users write it: a directory path, or `s3://bucket/prefix`.
    var root: String { get }

    /// Writes the object `key` with content produced in parts: `produce` calls its argument once
    /// per part, in order. With `ifAbsent`, an existing object is left alone and the call returns
    /// false (Delta's put-if-absent, the basis of atomic commits); otherwise it returns true.
    /// `durable`: the object must survive a crash once the call returns (local: fsync; S3: always).
    /// Stores that upload in parts (S3 multipart) do so when the content exceeds their part size.
    @discardableResult
    func put(
        _ key: String, ifAbsent: Bool, durable: Bool, _ produce: ((UnsafeRawBufferPointer) -> Void) -> Void
    ) throws(DeltaError) -> Bool

    /// The object's bytes, or only `range` of them (byte offsets, end exclusive).
    /// Throws `.io` when the object does not exist.
    func get(_ key: String, range: Range<Int64>?) throws(DeltaError) -> [UInt8]

    /// The object's size in bytes, or nil when it does not exist.
    func head(_ key: String) throws(DeltaError) -> Int64?

    /// When the object was last written, in milliseconds since the epoch (local: mtime; S3: the
    /// `Last-Modified` of a HEAD), or nil when it does not exist. Vacuum uses it to spare files
    /// still being written.
    func modifiedMillis(_ key: String) throws(DeltaError) -> Int64?

    /// Every object whose key starts with `prefix` (recursively, S3 LIST semantics), sorted by key.
    func list(prefix: String) throws(DeltaError) -> [ObjectEntry]

    /// Deletes the object (no error when it does not exist, as on S3).
    func delete(_ key: String) throws(DeltaError)

    /// A file-system path for `key` when the engine may use the file directly (pread of Parquet
    /// footers, background fsync of new files); nil for remote or simulated stores, which are
    /// only reached through the methods above.
    func localPath(_ key: String) -> String?

    /// Requests this store has sent so far, by class; nil when it sends none (the local file
    /// system, where request counts are modelled instead — DESIGN §6).
    var requests: RequestCounts? { get }

    /// What kind of store this is, as reported in results (`local`, `simulated`, `s3`).
    var backend: String { get }
}

extension ObjectStore {
    /// Writes `bytes` as the object `key` (see `put(_:ifAbsent:durable:_:)`).
    @discardableResult
    public func put(_ key: String, _ bytes: [UInt8], ifAbsent: Bool = false, durable: Bool = true) throws(DeltaError)
        -> Bool
    {
        try put(key, ifAbsent: ifAbsent, durable: durable) { emit in bytes.withUnsafeBytes { emit($0) } }
    }

    /// The whole object.
    public func get(_ key: String) throws(DeltaError) -> [UInt8] { try get(key, range: nil) }

    /// The location of `key` for messages: the root joined with the key.
    public func location(_ key: String) -> String {
        key.isEmpty ? root : (root.hasSuffix("/") ? root + key : root + "/" + key)
    }
}

/// One listed object: its key (relative to the store root) and size in bytes.
public struct ObjectEntry: Sendable, Equatable {
    public var key: String
    public var size: Int64

    public init(key: String, size: Int64) {
        self.key = key
        self.size = size
    }
}

/// Requests sent to an object store, grouped as S3 bills them: PUT, COPY, POST and LIST in one
/// class, GET and HEAD (and everything else) in the other; plus payload bytes up and down.
public struct RequestCounts: Sendable, Equatable {
    /// PUT, COPY, POST and LIST requests (multipart create/part/complete are PUT or POST).
    public var putClass = 0
    /// GET and HEAD requests.
    public var getClass = 0
    /// DELETE requests (free on S3; counted for completeness).
    public var deletes = 0
    /// Attempts that were retried after a 5xx, throttling or connection error (each retry is also
    /// counted in its class above: S3 bills it).
    public var retries = 0
    /// Request body bytes sent.
    public var bytesUp: Int64 = 0
    /// Response body bytes received.
    public var bytesDown: Int64 = 0

    public init() {}

    /// `self - earlier`: the requests between two readings.
    public func since(_ earlier: RequestCounts) -> RequestCounts {
        var d = RequestCounts()
        d.putClass = putClass - earlier.putClass
        d.getClass = getClass - earlier.getClass
        d.deletes = deletes - earlier.deletes
        d.retries = retries - earlier.retries
        d.bytesUp = bytesUp - earlier.bytesUp
        d.bytesDown = bytesDown - earlier.bytesDown
        return d
    }
}
