import CanonicalJSON

/// Why stored bytes could not be read back as a domain event.
public enum EventDecodingError: Error, Equatable, Sendable {
    /// No event of this type and version is known; an upcaster would go here.
    case unknownType(type: String, schemaVersion: UInt16)
    /// The payload does not match the event's schema.
    case malformedPayload(type: String, JSONError)
}
