import CanonicalJSON

/// The stored form of one event: a fixed little-endian header for fast scans, then the
/// envelope as canonical JSON, which is what the hash chain covers.
///
/// Header (136 bytes): format u8, reserved u8, schema version u16, JSON length u32,
/// position u64, stream version u64, recorded-at i64 (µs), event id 16 bytes, previous hash
/// 32 bytes, hash 32 bytes, then offset/length pairs into the JSON of the stream id (u16,
/// u16), the type (u16, u16), the metadata object (u32, u32) and the payload (u32, u32).
///
/// Envelope JSON, keys in canonical order: `eventId`, `metadata`, `payload`, `position`,
/// `recordedAt`, `schemaVersion`, `streamId`, `streamVersion`, `type`.
enum RecordCodec {
    static let format: UInt8 = 1
    static let headerSize = 136

    /// Where the assigned fields of one event come from.
    struct Assigned {
        var streamID: String
        var position: UInt64
        var streamVersion: UInt64
        var recordedAt: Int64
        var previousHash: Hash
    }

    /// Builds the record for `event`, hashing its envelope into the chain.
    static func encode(
        _ event: PreparedEvent, _ assigned: Assigned, hasher: ChainHasher
    ) -> (
        record: [UInt8], hash: Hash
    ) {
        let capacity =
            headerSize + 320 + event.payload.count + event.metadataJSON.count
            + assigned.streamID.utf8.count + event.type.utf8.count
        var hash = Hash.zero
        let record = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var sink = ByteSink(UnsafeMutableRawBufferPointer(rebasing: raw[headerSize...]))
            let spans = appendEnvelope(event, assigned, to: &sink)
            let envelope = UnsafeRawBufferPointer(start: sink.base, count: sink.count)
            hash = assigned.previousHash.bytes.withUnsafeBytes {
                hasher.hash(previous: $0, envelope: envelope)
            }
            writeHeader(
                into: raw, event: event, assigned: assigned, jsonLength: sink.count, hash: hash,
                spans: spans)
            count = headerSize + sink.count
        }
        return (record, hash)
    }

    /// Offsets and lengths, relative to the JSON's start, of the variable fields.
    struct Spans {
        var streamID = (0, 0)
        var type = (0, 0)
        var metadata = (0, 0)
        var payload = (0, 0)
    }

    private static func writeHeader(
        into header: UnsafeMutableRawBufferPointer, event: PreparedEvent, assigned: Assigned,
        jsonLength: Int, hash: Hash, spans: Spans
    ) {
        header[0] = format
        header[1] = 0
        header.storeBytes(of: event.schemaVersion.littleEndian, toByteOffset: 2, as: UInt16.self)
        header.storeBytes(of: UInt32(jsonLength).littleEndian, toByteOffset: 4, as: UInt32.self)
        header.storeBytes(of: assigned.position.littleEndian, toByteOffset: 8, as: UInt64.self)
        header.storeBytes(
            of: assigned.streamVersion.littleEndian, toByteOffset: 16, as: UInt64.self)
        header.storeBytes(of: assigned.recordedAt.littleEndian, toByteOffset: 24, as: Int64.self)
        header.storeBytes(of: event.id.high.bigEndian, toByteOffset: 32, as: UInt64.self)
        header.storeBytes(of: event.id.low.bigEndian, toByteOffset: 40, as: UInt64.self)
        assigned.previousHash.bytes.withUnsafeBytes {
            UnsafeMutableRawBufferPointer(rebasing: header[48..<80]).copyMemory(from: $0)
        }
        hash.bytes.withUnsafeBytes {
            UnsafeMutableRawBufferPointer(rebasing: header[80..<112]).copyMemory(from: $0)
        }
        header.storeBytes(
            of: UInt16(spans.streamID.0).littleEndian, toByteOffset: 112, as: UInt16.self)
        header.storeBytes(
            of: UInt16(spans.streamID.1).littleEndian, toByteOffset: 114, as: UInt16.self)
        header.storeBytes(of: UInt16(spans.type.0).littleEndian, toByteOffset: 116, as: UInt16.self)
        header.storeBytes(of: UInt16(spans.type.1).littleEndian, toByteOffset: 118, as: UInt16.self)
        header.storeBytes(
            of: UInt32(spans.metadata.0).littleEndian, toByteOffset: 120, as: UInt32.self)
        header.storeBytes(
            of: UInt32(spans.metadata.1).littleEndian, toByteOffset: 124, as: UInt32.self)
        header.storeBytes(
            of: UInt32(spans.payload.0).littleEndian, toByteOffset: 128, as: UInt32.self)
        header.storeBytes(
            of: UInt32(spans.payload.1).littleEndian, toByteOffset: 132, as: UInt32.self)
    }

    /// Writes the canonical envelope JSON and returns where its variable fields lie.
    @discardableResult
    static func appendEnvelope(
        _ event: PreparedEvent, _ assigned: Assigned, to sink: inout ByteSink
    ) -> Spans {
        var spans = Spans()
        sink.append("{\"eventId\":\"")
        sink.append(event.id)
        sink.append("\",\"metadata\":")
        spans.metadata = (sink.count, event.metadataJSON.count)
        sink.append(event.metadataJSON)
        sink.append(",\"payload\":")
        spans.payload = (sink.count, event.payload.count)
        sink.append(event.payload)
        sink.append(",\"position\":")
        sink.appendDecimal(assigned.position)
        sink.append(",\"recordedAt\":\"")
        sink.appendTimestamp(assigned.recordedAt)
        sink.append("\",\"schemaVersion\":")
        sink.appendDecimal(UInt64(event.schemaVersion))
        sink.append(",\"streamId\":\"")
        let streamStart = sink.count
        sink.append(assigned.streamID)
        spans.streamID = (streamStart, sink.count - streamStart)
        sink.append("\",\"streamVersion\":")
        sink.appendDecimal(assigned.streamVersion)
        sink.append(",\"type\":\"")
        let typeStart = sink.count
        sink.append(event.type)
        spans.type = (typeStart, sink.count - typeStart)
        sink.append("\"}")
        return spans
    }

    /// The envelope JSON alone, as the verifier rebuilds it.
    static func envelope(_ event: PreparedEvent, _ assigned: Assigned) -> [UInt8] {
        let capacity =
            320 + event.payload.count + event.metadataJSON.count + assigned.streamID.utf8.count
            + event.type.utf8.count
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var sink = ByteSink(UnsafeMutableRawBufferPointer(buffer))
            appendEnvelope(event, assigned, to: &sink)
            count = sink.count
        }
    }
}
