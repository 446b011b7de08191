import CanonicalJSON

/// A ``NewEvent`` checked and partly encoded by the caller's thread, so the single writer
/// thread only assigns positions, hashes and writes.
struct PreparedEvent: Sendable {
    var id: EventID
    var type: String
    var schemaVersion: UInt16
    var payload: [UInt8]
    var metadataJSON: [UInt8]

    init(id: EventID, type: String, schemaVersion: UInt16, payload: [UInt8], metadataJSON: [UInt8])
    {
        self.id = id
        self.type = type
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.metadataJSON = metadataJSON
    }

    /// Wraps an event whose type and payload ``check(_:)`` accepted.
    init(_ event: NewEvent, metadataJSON: [UInt8]) {
        id = event.id
        type = event.type
        schemaVersion = event.schemaVersion
        payload = event.payload
        self.metadataJSON = metadataJSON
    }

    /// Checks the type's characters and that the payload is canonical JSON.
    static func check(_ event: NewEvent) throws(LedgerError) {
        guard isValidType(event.type) else { throw .invalidEventType(event.type) }
        do {
            try CanonicalJSON.validate(event.payload)
        } catch {
            throw .payloadNotCanonical(event.id, error)
        }
    }

    /// Whether a stored event holds the same content (everything but what the ledger assigned).
    func sameContent(as view: RecordView, streamID: String) -> Bool {
        view.schemaVersion == schemaVersion
            && view.typeBytes.elementsEqual(type.utf8)
            && view.streamIDBytes.elementsEqual(streamID.utf8)
            && view.payload.elementsEqual(payload)
            && view.metadataJSON.elementsEqual(metadataJSON)
    }

    static func isValidType(_ type: String) -> Bool {
        let bytes = type.utf8
        return !bytes.isEmpty && bytes.count <= 100
            && bytes.allSatisfy {
                isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
            }
    }

    static func isValidStreamID(_ stream: String) -> Bool {
        let bytes = stream.utf8
        let allowed: Set<UInt8> = [
            UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "@"),
            UInt8(ascii: "-"),
        ]
        return !bytes.isEmpty && bytes.count <= 200
            && bytes.allSatisfy { isAlphanumeric($0) || allowed.contains($0) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
