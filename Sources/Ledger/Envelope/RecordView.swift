import CanonicalJSON

/// A borrowed view of one stored record; reads header fields without copying. Valid only
/// while the transaction (or scan callback) that produced it lasts.
public struct RecordView {
    let bytes: UnsafeRawBufferPointer

    /// Wraps `bytes`, checking only that they are long enough for the header and JSON.
    init(_ bytes: UnsafeRawBufferPointer, position expected: UInt64) throws(LedgerError) {
        guard bytes.count >= RecordCodec.headerSize, bytes[0] == RecordCodec.format else {
            throw .corruptRecord(
                position: expected, reason: "unknown record format or short record")
        }
        self.bytes = bytes
        let json = Int(bytes.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian)
        guard RecordCodec.headerSize + json == bytes.count else {
            throw .corruptRecord(
                position: expected, reason: "record length disagrees with its header")
        }
        let ends = (
            Int(u16(112)) + Int(u16(114)), Int(u16(116)) + Int(u16(118)),
            Int(u32(120)) + Int(u32(124)), Int(u32(128)) + Int(u32(132))
        )
        guard max(ends.0, ends.1, ends.2, ends.3) <= json else {
            throw .corruptRecord(position: expected, reason: "field span outside the envelope")
        }
    }

    @inline(__always) private func u16(_ offset: Int) -> UInt16 {
        bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self).littleEndian
    }

    @inline(__always) private func u32(_ offset: Int) -> UInt32 {
        bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian
    }

    @inline(__always) private func u64(_ offset: Int) -> UInt64 {
        bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
    }

    /// The global position.
    public var position: UInt64 { u64(8) }
    /// The version within the stream.
    public var streamVersion: UInt64 { u64(16) }
    /// Microseconds since the Unix epoch, UTC.
    public var recordedAt: Int64 { Int64(bitPattern: u64(24)) }
    /// The payload's schema version.
    public var schemaVersion: UInt16 { u16(2) }
    /// The caller's event id.
    public var id: EventID {
        EventID(
            high: bytes.loadUnaligned(fromByteOffset: 32, as: UInt64.self).bigEndian,
            low: bytes.loadUnaligned(fromByteOffset: 40, as: UInt64.self).bigEndian)
    }
    /// The canonical envelope JSON, which the hash covers.
    public var envelope: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[RecordCodec.headerSize...])
    }
    /// The stream id's bytes.
    public var streamIDBytes: UnsafeRawBufferPointer { slice(Int(u16(112)), Int(u16(114))) }
    /// The type's bytes.
    public var typeBytes: UnsafeRawBufferPointer { slice(Int(u16(116)), Int(u16(118))) }
    /// The metadata object's canonical JSON.
    public var metadataJSON: UnsafeRawBufferPointer { slice(Int(u32(120)), Int(u32(124))) }
    /// The payload's canonical JSON.
    public var payload: UnsafeRawBufferPointer { slice(Int(u32(128)), Int(u32(132))) }
    /// The previous event's hash, as stored.
    public var previousHashBytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[48..<80])
    }
    /// This event's hash, as stored.
    public var hashBytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[Self.hashRange])
    }

    /// The chain hash stored in `record`, after checking only its format byte and length:
    /// for the Merkle tree's leaves, read 32 at a time where nothing else is wanted.
    static func chainHash(ofRecord record: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        guard record.count >= RecordCodec.headerSize, record[0] == RecordCodec.format else {
            return nil
        }
        return UnsafeRawBufferPointer(rebasing: record[hashRange])
    }

    private static let hashRange = 80..<112

    private func slice(_ offset: Int, _ length: Int) -> UnsafeRawBufferPointer {
        let start = RecordCodec.headerSize + offset
        return UnsafeRawBufferPointer(rebasing: bytes[start..<start + length])
    }

    /// Copies everything into a ``RecordedEvent``.
    public func materialize() throws(LedgerError) -> RecordedEvent {
        let metadata = try metadata()
        return RecordedEvent(
            position: position, streamID: String(decoding: streamIDBytes, as: UTF8.self),
            streamVersion: streamVersion, id: id, type: String(decoding: typeBytes, as: UTF8.self),
            schemaVersion: schemaVersion, recordedAt: recordedAt, metadata: metadata,
            payload: Array(payload), previousHash: Hash(bytes: Array(previousHashBytes)),
            hash: Hash(bytes: Array(hashBytes)))
    }

    /// The metadata's acting user alone, the other members skipped unread: what a status
    /// log needs of every event that changes a status.
    public func actingUser() throws(LedgerError) -> String? {
        do {
            return try CanonicalJSON.read(metadataJSON) { reader throws(JSONError) -> String? in
                var user: String?
                try reader.readObject { key, value throws(JSONError) in
                    if key == "actingUser" {
                        user = try value.readString()
                    } else {
                        try value.skipValue()
                    }
                }
                try reader.finish()
                return user
            }
        } catch {
            throw .corruptRecord(position: position, reason: "metadata: \(error)")
        }
    }

    /// The metadata object, decoded.
    public func metadata() throws(LedgerError) -> EventMetadata {
        do {
            return try CanonicalJSON.decode(EventMetadata.self, from: metadataJSON)
        } catch {
            throw .corruptRecord(position: position, reason: "metadata: \(error)")
        }
    }
}
