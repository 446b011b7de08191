import CanonicalJSON

extension DomainEvent {
    /// Reads an event back from the envelope's type, schema version and payload.
    /// - Throws: ``EventDecodingError``.
    public static func decode(
        type: String, schemaVersion: UInt16, payload: [UInt8]
    ) throws(EventDecodingError) -> DomainEvent {
        let result = payload.withUnsafeBytes { bytes in
            Result { () throws(EventDecodingError) -> DomainEvent in
                try decode(type: type, schemaVersion: schemaVersion, payloadBytes: bytes)
            }
        }
        return try result.get()
    }

    /// Reads an event back as ``decode(type:schemaVersion:payload:)`` does, from a view of
    /// the payload's bytes (a record borrowed from the log), without copying them.
    /// - Throws: ``EventDecodingError``.
    public static func decode(
        type: String, schemaVersion: UInt16, payloadBytes payload: UnsafeRawBufferPointer
    ) throws(EventDecodingError) -> DomainEvent {
        guard schemaVersion == 1, let make = decoders[type] else {
            throw .unknownType(type: type, schemaVersion: schemaVersion)
        }
        do {
            return try make(payload)
        } catch {
            throw .malformedPayload(type: type, error)
        }
    }

    private typealias Decoder = @Sendable (UnsafeRawBufferPointer) throws(JSONError) -> DomainEvent

    /// Decodes a payload straight from its bytes into a `T`, with no tree in between.
    private static func read<T: JSONDecodable>(
        _ payload: UnsafeRawBufferPointer
    ) throws(JSONError) -> T {
        try CanonicalJSON.decode(T.self, from: payload)
    }

    private static let decoders: [String: Decoder] = [
        "ReadableIdReserved": { bytes throws(JSONError) in .readableIdReserved(try read(bytes)) },
        "FormCreated": { bytes throws(JSONError) in .formCreated(try read(bytes)) },
        "FormUpdated": { bytes throws(JSONError) in .formUpdated(try read(bytes)) },
        "FormDeleted": { bytes throws(JSONError) in .formDeleted(try read(bytes)) },
        "FormSealed": { bytes throws(JSONError) in .formSealed(try read(bytes)) },
        "EmissionSigned": { bytes throws(JSONError) in .emissionSigned(try read(bytes)) },
        "TransportSigned": { bytes throws(JSONError) in .transportSigned(try read(bytes)) },
        "FormReceived": { bytes throws(JSONError) in .formReceived(try read(bytes)) },
        "FormAccepted": { bytes throws(JSONError) in .formAccepted(try read(bytes)) },
        "FormTempStored": { bytes throws(JSONError) in .formTempStored(try read(bytes)) },
        "FormTempStorerAccepted": { bytes throws(JSONError) in
            .formTempStorerAccepted(try read(bytes))
        },
        "FormProcessed": { bytes throws(JSONError) in .formProcessed(try read(bytes)) },
        "FormResealed": { bytes throws(JSONError) in .formResealed(try read(bytes)) },
        "TempStorerEmissionSigned": { bytes throws(JSONError) in
            .tempStorerEmissionSigned(try read(bytes))
        },
        "FormResent": { bytes throws(JSONError) in .formResent(try read(bytes)) },
        "FormGrouped": { bytes throws(JSONError) in .formGrouped(try read(bytes)) },
        "GroupedFormProcessed": { bytes throws(JSONError) in
            .groupedFormProcessed(try read(bytes))
        },
        "FormUngrouped": { bytes throws(JSONError) in .formUngrouped(try read(bytes)) },
        "FormAttachedToAppendix1": { bytes throws(JSONError) in
            .formAttachedToAppendix1(try read(bytes))
        },
        "FormImportedFromPaper": { bytes throws(JSONError) in
            .formImportedFromPaper(try read(bytes))
        },
        "FormCanceled": { bytes throws(JSONError) in .formCanceled(try read(bytes)) },
    ]
}
