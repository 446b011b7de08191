import CanonicalJSON

extension DomainEvent {
    /// Reads an event back from the envelope's type, schema version and payload.
    /// - Throws: ``EventDecodingError``.
    public static func decode(
        type: String, schemaVersion: UInt16, payload: [UInt8]
    ) throws(EventDecodingError) -> DomainEvent {
        guard schemaVersion == 1, let make = decoders[type] else {
            throw .unknownType(type: type, schemaVersion: schemaVersion)
        }
        do {
            return try make(try CanonicalJSON.decode(JSONValue.self, from: payload))
        } catch {
            throw .malformedPayload(type: type, error)
        }
    }

    private typealias Decoder = @Sendable (JSONValue) throws(JSONError) -> DomainEvent

    private static let decoders: [String: Decoder] = [
        "ReadableIdReserved": { value throws(JSONError) in
            .readableIdReserved(try .init(jsonValue: value))
        },
        "FormCreated": { value throws(JSONError) in .formCreated(try .init(jsonValue: value)) },
        "FormUpdated": { value throws(JSONError) in .formUpdated(try .init(jsonValue: value)) },
        "FormDeleted": { value throws(JSONError) in .formDeleted(try .init(jsonValue: value)) },
        "FormSealed": { value throws(JSONError) in .formSealed(try .init(jsonValue: value)) },
        "EmissionSigned": { value throws(JSONError) in .emissionSigned(try .init(jsonValue: value))
        },
        "TransportSigned": { value throws(JSONError) in
            .transportSigned(try .init(jsonValue: value))
        },
        "FormReceived": { value throws(JSONError) in .formReceived(try .init(jsonValue: value)) },
        "FormAccepted": { value throws(JSONError) in .formAccepted(try .init(jsonValue: value)) },
        "FormTempStored": { value throws(JSONError) in .formTempStored(try .init(jsonValue: value))
        },
        "FormTempStorerAccepted": { value throws(JSONError) in
            .formTempStorerAccepted(try .init(jsonValue: value))
        },
        "FormProcessed": { value throws(JSONError) in .formProcessed(try .init(jsonValue: value)) },
        "FormResealed": { value throws(JSONError) in .formResealed(try .init(jsonValue: value)) },
        "TempStorerEmissionSigned": { value throws(JSONError) in
            .tempStorerEmissionSigned(try .init(jsonValue: value))
        },
        "FormResent": { value throws(JSONError) in .formResent(try .init(jsonValue: value)) },
        "FormGrouped": { value throws(JSONError) in .formGrouped(try .init(jsonValue: value)) },
        "GroupedFormProcessed": { value throws(JSONError) in
            .groupedFormProcessed(try .init(jsonValue: value))
        },
        "FormUngrouped": { value throws(JSONError) in .formUngrouped(try .init(jsonValue: value)) },
        "FormAttachedToAppendix1": { value throws(JSONError) in
            .formAttachedToAppendix1(try .init(jsonValue: value))
        },
        "FormImportedFromPaper": { value throws(JSONError) in
            .formImportedFromPaper(try .init(jsonValue: value))
        },
        "FormCanceled": { value throws(JSONError) in .formCanceled(try .init(jsonValue: value)) },
    ]
}
