import CanonicalJSON
import Domain
import Testing

/// The other direction of the catalogue check: each schema's example is exactly what the
/// domain writes — it decodes, and encoding the decoded event gives the example's bytes.
@Suite struct CatalogueExampleTests {
    static let types = [
        "ReadableIdReserved", "FormCreated", "FormUpdated", "FormDeleted", "FormSealed",
        "EmissionSigned", "TransportSigned", "FormReceived", "FormAccepted", "FormTempStored",
        "FormTempStorerAccepted", "FormProcessed", "FormResealed", "TempStorerEmissionSigned",
        "FormResent", "FormGrouped", "GroupedFormProcessed", "FormUngrouped",
        "FormAttachedToAppendix1", "FormImportedFromPaper", "FormCanceled",
        "FormTransporterCreated", "FormTransporterUpdated", "FormTransporterDeleted",
    ]

    @Test(arguments: types)
    func schemaExampleIsWhatTheDomainWrites(type: String) throws {
        let path = "events/\(type)/v1.schema.json"
        let bytes = try #require(RepositoryFiles.read(path), "cannot read \(path)")
        let schema = try CanonicalJSON.decode(JSONValue.self, from: bytes)
        guard case .array(let examples)? = schema["examples"], let example = examples.first else {
            Issue.record("\(path) has no example")
            return
        }
        let canonical = CanonicalJSON.encode(example)
        let (decodedType, payload) =
            TransporterEvent.types.contains(type)
            ? try Self.transporterEvent(type, canonical)
            : try Self.domainEvent(type, canonical)
        #expect(decodedType == type)
        #expect(payload == canonical, "\(type): the example is not in the domain's form")
    }

    static func domainEvent(_ type: String, _ payload: [UInt8]) throws -> (String, [UInt8]) {
        let event = try DomainEvent.decode(type: type, schemaVersion: 1, payload: payload)
        return (event.type, event.payload)
    }

    static func transporterEvent(_ type: String, _ payload: [UInt8]) throws -> (String, [UInt8]) {
        let event = try TransporterEvent.decode(type: type, schemaVersion: 1, payload: payload)
        return (event.type, event.payload)
    }
}
