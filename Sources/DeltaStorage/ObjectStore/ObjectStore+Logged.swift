/// Paths named in the log (data files, deletion-vector files) resolved against a table's store.
///
/// `DeltaLogValidation.localPath(_:tablePath:)` turns a logged path into a location under the
/// table root (relative paths) or an absolute file (`file:` URIs, `/…`, as other writers may log).
/// A location under the root is read through the store (one GET/HEAD on S3); one outside it can
/// only be a local file and is read from the disk.
extension ObjectStore {
    /// The object key of `location` when it lies under the store root, else nil.
    public func key(forLocation location: String) -> String? {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return location.hasPrefix(prefix) ? String(location.dropFirst(prefix.count)) : nil
    }

    /// The location (path or URI) of the file a log entry names, for reading and for messages.
    public func location(logged path: String) -> String { DeltaLogValidation.localPath(path, tablePath: root) }

    /// The bytes at `location` (see `location(logged:)`). Throws `.io` naming it when absent.
    public func read(location: String) throws(DeltaError) -> [UInt8] {
        if let key = key(forLocation: location) { return try get(key) }
        return try FileSystem.readAll(location)
    }

    /// The size of the file at `location`, or nil when it does not exist.
    public func size(location: String) throws(DeltaError) -> Int64? {
        if let key = key(forLocation: location) { return try head(key) }
        return FileSystem.fileSize(location)
    }
}
