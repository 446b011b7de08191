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
        var out = [UInt8](repeating: 0, count: headerSize)
        out.reserveCapacity(headerSize + event.payload.count + event.metadataJSON.count + 256)
        var offsets: [Int] = []
        appendEnvelope(event, assigned, to: &out, offsets: &offsets)
        let json = out.count - headerSize
        let hash = out.withUnsafeBytes { bytes in
            assigned.previousHash.bytes.withUnsafeBytes { previous in
                hasher.hash(
                    previous: previous,
                    envelope: UnsafeRawBufferPointer(rebasing: bytes[headerSize...]))
            }
        }
        out.withUnsafeMutableBytes { header in
            header[0] = format
            header.storeBytes(
                of: event.schemaVersion.littleEndian, toByteOffset: 2, as: UInt16.self)
            header.storeBytes(of: UInt32(json).littleEndian, toByteOffset: 4, as: UInt32.self)
            header.storeBytes(of: assigned.position.littleEndian, toByteOffset: 8, as: UInt64.self)
            header.storeBytes(
                of: assigned.streamVersion.littleEndian, toByteOffset: 16, as: UInt64.self)
            header.storeBytes(
                of: assigned.recordedAt.littleEndian, toByteOffset: 24, as: Int64.self)
            header.storeBytes(of: event.id.high.bigEndian, toByteOffset: 32, as: UInt64.self)
            header.storeBytes(of: event.id.low.bigEndian, toByteOffset: 40, as: UInt64.self)
            for index in 0..<32 {
                header[48 + index] = assigned.previousHash.bytes[index]
                header[80 + index] = hash.bytes[index]
            }
            header.storeBytes(
                of: UInt16(offsets[0]).littleEndian, toByteOffset: 112, as: UInt16.self)
            header.storeBytes(
                of: UInt16(offsets[1]).littleEndian, toByteOffset: 114, as: UInt16.self)
            header.storeBytes(
                of: UInt16(offsets[2]).littleEndian, toByteOffset: 116, as: UInt16.self)
            header.storeBytes(
                of: UInt16(offsets[3]).littleEndian, toByteOffset: 118, as: UInt16.self)
            header.storeBytes(
                of: UInt32(offsets[4]).littleEndian, toByteOffset: 120, as: UInt32.self)
            header.storeBytes(
                of: UInt32(offsets[5]).littleEndian, toByteOffset: 124, as: UInt32.self)
            header.storeBytes(
                of: UInt32(offsets[6]).littleEndian, toByteOffset: 128, as: UInt32.self)
            header.storeBytes(
                of: UInt32(offsets[7]).littleEndian, toByteOffset: 132, as: UInt32.self)
        }
        return (out, hash)
    }

    /// Writes the canonical envelope JSON and records, relative to the JSON's start, the
    /// offset and length of the stream id, type, metadata and payload.
    static func appendEnvelope(
        _ event: PreparedEvent, _ assigned: Assigned, to out: inout [UInt8], offsets: inout [Int]
    ) {
        let base = out.count
        func literal(_ text: StaticString) {
            out.append(
                contentsOf: UnsafeBufferPointer(
                    start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        func span(_ body: (inout [UInt8]) -> Void) {
            let start = out.count
            body(&out)
            offsets.append(start - base)
            offsets.append(out.count - start)
        }
        literal("{\"eventId\":\"")
        out.append(contentsOf: event.id.description.utf8)
        literal("\",\"metadata\":")
        let metadataStart = out.count - base
        out.append(contentsOf: event.metadataJSON)
        let metadataSpan = (metadataStart, event.metadataJSON.count)
        literal(",\"payload\":")
        let payloadSpan = (out.count - base, event.payload.count)
        out.append(contentsOf: event.payload)
        literal(",\"position\":")
        out.append(contentsOf: String(assigned.position).utf8)
        literal(",\"recordedAt\":\"")
        Timestamp.append(assigned.recordedAt, to: &out)
        literal("\",\"schemaVersion\":")
        out.append(contentsOf: String(event.schemaVersion).utf8)
        literal(",\"streamId\":\"")
        span { $0.append(contentsOf: assigned.streamID.utf8) }
        literal("\",\"streamVersion\":")
        out.append(contentsOf: String(assigned.streamVersion).utf8)
        literal(",\"type\":\"")
        span { $0.append(contentsOf: event.type.utf8) }
        literal("\"}")
        offsets += [metadataSpan.0, metadataSpan.1, payloadSpan.0, payloadSpan.1]
    }
}
