import CLMDB

/// The `streams` database maps (stream id, 0x00, big-endian version) to the event's
/// big-endian position, so a stream reads in version order and its last version is one seek.
enum StreamIndex {
    static func key(_ stream: String, _ version: UInt64) -> [UInt8] {
        var key = Array(stream.utf8)
        key.append(0)
        BigEndian.append(version, to: &key)
        return key
    }

    /// The stream's last version, or nil when it has no event.
    static func lastVersion(
        of stream: String, in transaction: Transaction, streams: Database
    ) throws(LedgerError) -> UInt64? {
        let prefix = Array(stream.utf8) + [0]
        let cursor = try Cursor(transaction: transaction, database: streams)
        defer { cursor.close() }
        let after = try cursor.seek(atOrAfter: key(stream, .max))
        let candidate: (UnsafeRawBufferPointer, UnsafeRawBufferPointer)?
        if let after, after.0.elementsEqual(key(stream, .max)) {
            candidate = after
        } else {
            candidate = try cursor.move(after == nil ? MDB_LAST : MDB_PREV)
        }
        guard let (found, _) = candidate, found.count == prefix.count + 8,
            found.starts(with: prefix)
        else { return nil }
        return BigEndian.read(found, at: prefix.count)
    }
}
