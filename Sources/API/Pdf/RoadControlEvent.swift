import CanonicalJSON

/// The events of a road-control link, in the stream ``RoadControlLinks/stream(token:)``:
/// its creation, then one event per use. The token itself is never written: the stream is
/// named after its SHA-256, so the ledger can find a link from its token but a reader of
/// the ledger cannot rebuild a link.
enum RoadControlEvent: Equatable, Sendable {
    /// A link was made for BSD `formId` by `userId`, valid until `expiresAt` (µs).
    case created(RoadControlGrant)
    /// The link was followed at `at` (µs) from `address`, and the PDF was served.
    case used(tokenId: String, formId: String, at: Int64, address: String)

    /// The event type in the ledger (catalogued in `events/`).
    var type: String {
        switch self {
        case .created: "PdfAccessTokenCreated"
        case .used: "PdfAccessTokenUsed"
        }
    }

    /// The payload as a JSON tree.
    var payload: JSONValue {
        switch self {
        case .created(let grant):
            [
                "tokenId": .string(grant.tokenId), "formId": .string(grant.formId),
                "readableId": .string(grant.readableId), "userId": .string(grant.userId),
                "issuedAt": .int(grant.issuedAt), "expiresAt": .int(grant.expiresAt),
            ]
        case .used(let tokenId, let formId, let at, let address):
            [
                "tokenId": .string(tokenId), "formId": .string(formId), "at": .int(at),
                "address": .string(address),
            ]
        }
    }

    /// Reads an event back; nil for another type or a payload of another shape.
    static func decode(type: String, payload bytes: [UInt8]) -> RoadControlEvent? {
        guard let value = try? CanonicalJSON.decode(JSONValue.self, from: bytes) else { return nil }
        let text = { (name: String) in value[name]?.stringValue }
        let number = { (name: String) in value[name]?.intValue }
        switch type {
        case "PdfAccessTokenCreated":
            guard let tokenId = text("tokenId"), let formId = text("formId"),
                let readableId = text("readableId"), let userId = text("userId"),
                let issuedAt = number("issuedAt"), let expiresAt = number("expiresAt")
            else { return nil }
            return .created(
                RoadControlGrant(
                    tokenId: tokenId, formId: formId, readableId: readableId, userId: userId,
                    issuedAt: issuedAt, expiresAt: expiresAt))
        case "PdfAccessTokenUsed":
            guard let tokenId = text("tokenId"), let formId = text("formId"),
                let at = number("at"), let address = text("address")
            else { return nil }
            return .used(tokenId: tokenId, formId: formId, at: at, address: address)
        default:
            return nil
        }
    }
}

/// What a road-control link gives access to, as its creation event records it.
struct RoadControlGrant: Equatable, Sendable {
    /// The link's public id (not the token), named in its use events.
    var tokenId: String
    /// The BSD's opaque id.
    var formId: String
    /// The BSD's readable id, for people reading the ledger.
    var readableId: String
    /// Who made the link; the BSD must stay readable by them.
    var userId: String
    /// When the link was made, µs since the epoch.
    var issuedAt: Int64
    /// When it stops working, µs since the epoch.
    var expiresAt: Int64
}
