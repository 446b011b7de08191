import CanonicalJSON

/// The events of a standalone transporter's stream, `bsdd-transporter-<id>`. They are kept
/// apart from ``DomainEvent``: they belong to no BSD, and the forms projection ignores them.
public enum TransporterEvent: Hashable, Sendable {
    /// The transporter was created.
    case created(FormTransporterCreated)
    /// Its fields were replaced.
    case updated(FormTransporterUpdated)
    /// It was deleted.
    case deleted(FormTransporterDeleted)

    /// The event type's name, as stored in the ledger's envelope.
    public var type: String {
        switch self {
        case .created: "FormTransporterCreated"
        case .updated: "FormTransporterUpdated"
        case .deleted: "FormTransporterDeleted"
        }
    }

    /// The payload's schema version.
    public var schemaVersion: UInt16 { 1 }

    /// The transporter the event is about.
    public var transporterId: String {
        switch self {
        case .created(let event): event.transporterId
        case .updated(let event): event.transporterId
        case .deleted(let event): event.transporterId
        }
    }

    /// The stream the event is appended to.
    public var stream: String { StandaloneTransporter.streamId(transporterId: transporterId) }

    /// When the event was decided.
    public var at: Timestamp {
        switch self {
        case .created(let event): event.at
        case .updated(let event): event.at
        case .deleted(let event): event.at
        }
    }

    /// The payload in canonical JSON.
    public var payload: [UInt8] {
        let value: JSONValue
        switch self {
        case .created(let event): value = event.jsonValue
        case .updated(let event): value = event.jsonValue
        case .deleted(let event): value = event.jsonValue
        }
        return CanonicalJSON.encode(value, capacity: 512)
    }

    /// Reads an event back from the envelope's type, schema version and payload.
    /// - Throws: ``EventDecodingError``.
    public static func decode(
        type: String, schemaVersion: UInt16, payload: [UInt8]
    ) throws(EventDecodingError) -> TransporterEvent {
        guard schemaVersion == 1, Self.types.contains(type) else {
            throw .unknownType(type: type, schemaVersion: schemaVersion)
        }
        do {
            let value = try CanonicalJSON.decode(JSONValue.self, from: payload)
            switch type {
            case "FormTransporterCreated": return .created(try .init(jsonValue: value))
            case "FormTransporterUpdated": return .updated(try .init(jsonValue: value))
            default: return .deleted(try .init(jsonValue: value))
            }
        } catch {
            throw .malformedPayload(type: type, error)
        }
    }

    /// The type names of the stream's events.
    public static let types: Set<String> = [
        "FormTransporterCreated", "FormTransporterUpdated", "FormTransporterDeleted",
    ]
}
