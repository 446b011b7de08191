import CanonicalJSON

/// A webhook credential as an event holds it: in clear in schema version 1 (before sealing
/// existed), sealed from version 2 on.
public enum StoredSecret: Equatable, Sendable {
    /// A version-1 value, written in clear.
    case clear(String)
    /// A sealed value.
    case sealed(SealedValue)

    /// The schema version of the events holding it in this form.
    public var schemaVersion: UInt16 {
        switch self {
        case .clear: 1
        case .sealed: 2
        }
    }

    /// The member's JSON: a string in version 1, a ``SealedValue`` object from version 2.
    public var json: JSONValue {
        switch self {
        case .clear(let text): .string(text)
        case .sealed(let value): value.json
        }
    }

    /// Reads the member of an event of `schemaVersion`; nil when it is not that version's
    /// shape. Reading a version-1 string is the upcast: the fold then sees one type.
    public init?(json: JSONValue, schemaVersion: UInt16) {
        switch schemaVersion {
        case 1:
            guard let text = json.stringValue else { return nil }
            self = .clear(text)
        case 2:
            guard let value = SealedValue(json: json) else { return nil }
            self = .sealed(value)
        default:
            return nil
        }
    }

    /// The credential in clear, opened with `key` when sealed.
    /// - Throws: ``WebhookError/sealingKey(path:reason:)`` when it does not open.
    public func open(with key: SealingKey) throws(WebhookError) -> String {
        switch self {
        case .clear(let text): text
        case .sealed(let value): try key.open(value)
        }
    }
}
