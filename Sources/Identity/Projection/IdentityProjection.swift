import CanonicalJSON
import Ledger

/// The identity read model, written in the same LMDB commit as the identity events: accounts
/// by id and email, access tokens by keyed hash, companies, memberships both ways, pending
/// invitations by email, transporter receipts. Events of other streams are ignored.
public struct IdentityProjection: InlineProjection {
    /// The projection's LMDB databases.
    enum Names {
        static let users = "identity-users"
        static let emails = "identity-emails"
        static let tokens = "identity-tokens"
        static let userTokens = "identity-user-tokens"
        static let companies = "identity-companies"
        static let receipts = "identity-receipts"
        static let memberships = "identity-memberships"
        static let members = "identity-members"
        static let invitations = "identity-invitations"
    }

    /// `identity`.
    public let name = "identity"
    /// The nine databases listed in ``Names``.
    public let databaseNames = [
        Names.users, Names.emails, Names.tokens, Names.userTokens, Names.companies,
        Names.receipts, Names.memberships, Names.members, Names.invitations,
    ]

    /// Makes the projection; add it to `LedgerOptions.projections`.
    public init() {}

    /// Whether `stream` is one of the identity module's streams.
    static func isIdentityStream(_ stream: String) -> Bool {
        ["user-", "email-", "company-", "transporter-receipt-"].contains { stream.hasPrefix($0) }
    }

    /// Folds the identity events of an append into the databases.
    public func apply(_ events: [RecordedEvent], in context: ProjectionContext) throws {
        for recorded in events where Self.isIdentityStream(recorded.streamID) {
            let event = try IdentityEvent.decode(
                type: recorded.type, schemaVersion: recorded.schemaVersion,
                payload: recorded.payload)
            var writer = ProjectionWriter(context: context)
            try writer.apply(event)
        }
    }
}
