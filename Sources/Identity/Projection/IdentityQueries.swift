import CanonicalJSON
import Ledger

/// Reads of the identity projection, each in one short LMDB read transaction.
public struct IdentityQueries: Sendable {
    typealias Names = IdentityProjection.Names
    let ledger: Ledger

    /// Queries over `ledger`, which must have been opened with an ``IdentityProjection``.
    public init(ledger: Ledger) {
        precondition(
            ledger.database(Names.users) != nil, "the ledger was opened without IdentityProjection")
        self.ledger = ledger
    }

    /// The account with id `userId`.
    public func user(id userId: String) throws(IdentityError) -> UserRecord? {
        try value(Names.users, ProjectionKey.text(userId)).map { bytes throws(IdentityError) in
            try decoded { () throws(JSONError) in try UserRecord(json: bytes) }
        }
    }

    /// The account with this email (normalised here).
    public func user(email: String) throws(IdentityError) -> UserRecord? {
        let key = ProjectionKey.text(InputRules.normaliseEmail(email))
        guard let id = try value(Names.emails, key) else { return nil }
        return try user(id: String(decoding: id, as: UTF8.self))
    }

    /// The stored access token whose keyed hash is `tokenHash` (hex).
    public func accessToken(hash tokenHash: String) throws(IdentityError) -> AccessTokenRecord? {
        try value(Names.tokens, ProjectionKey.text(tokenHash)).map { bytes throws(IdentityError) in
            try decoded { () throws(JSONError) in try AccessTokenRecord(json: bytes) }
        }
    }

    /// The user's personal access tokens (revoked ones included), in id order.
    public func accessTokens(userId: String) throws(IdentityError) -> [AccessTokenRecord] {
        let prefix = ProjectionKey.prefix(userId)
        let records: [[UInt8]]
        do {
            records = try ledger.read { txn throws(LedgerError) in
                var hashes: [[UInt8]] = []
                try txn.scan(ledger.database(Names.userTokens)!, from: prefix) { key, value in
                    guard key.starts(with: prefix) else { return false }
                    hashes.append(Array(value))
                    return true
                }
                var found: [[UInt8]] = []
                for hash in hashes {
                    if let bytes = try txn.get(ledger.database(Names.tokens)!, hash) {
                        found.append(bytes)
                    }
                }
                return found
            }
        } catch { throw .storage(error) }
        return try records.map { bytes throws(IdentityError) in
            try decoded { () throws(JSONError) in try AccessTokenRecord(json: bytes) }
        }
    }

    /// The company with this SIRET or VAT number.
    public func company(_ orgId: String) throws(IdentityError) -> CompanyRecord? {
        try value(Names.companies, ProjectionKey.text(orgId)).map { bytes throws(IdentityError) in
            try decoded { () throws(JSONError) in try CompanyRecord(json: bytes) }
        }
    }

    /// The user's role in company `orgId`, nil when not a member.
    public func role(userId: String, orgId: String) throws(IdentityError) -> Role? {
        try value(Names.memberships, ProjectionKey.pair(userId, orgId)).flatMap {
            Role(rawValue: String(decoding: $0, as: UTF8.self))
        }
    }

    /// Whether the user has `permission` on company `orgId`.
    public func can(
        _ userId: String, _ permission: Permission, on orgId: String
    ) throws(IdentityError) -> Bool {
        Permissions.can(try role(userId: userId, orgId: orgId), permission)
    }

    /// The user's memberships, by org id.
    public func myCompanies(userId: String) throws(IdentityError) -> [Membership] {
        try pairs(Names.memberships, under: userId).map { orgId, role in
            Membership(userId: userId, orgId: orgId, role: role)
        }
    }

    /// The company's members, by user id.
    public func members(orgId: String) throws(IdentityError) -> [Membership] {
        try pairs(Names.members, under: orgId).map { userId, role in
            Membership(userId: userId, orgId: orgId, role: role)
        }
    }

    /// Pending invitations of an email (normalised here): role by org id.
    public func invitations(email: String) throws(IdentityError) -> [String: Role] {
        let email = InputRules.normaliseEmail(email)
        return Dictionary(uniqueKeysWithValues: try pairs(Names.invitations, under: email))
    }

    /// A transporter receipt.
    public func transporterReceipt(_ id: String) throws(IdentityError) -> TransporterReceipt? {
        try value(Names.receipts, ProjectionKey.text(id)).map { bytes throws(IdentityError) in
            try decoded { () throws(JSONError) in
                try TransporterReceipt(json: try Fields(bytes: bytes))
            }
        }
    }

    private func value(_ name: String, _ key: [UInt8]) throws(IdentityError) -> [UInt8]? {
        do {
            return try ledger.read { txn throws(LedgerError) in
                try txn.get(ledger.database(name)!, key)
            }
        } catch { throw .storage(error) }
    }

    /// Entries `first\0second → role` under `first`, as (second, role).
    private func pairs(
        _ name: String, under first: String
    ) throws(IdentityError) -> [(String, Role)] {
        let prefix = ProjectionKey.prefix(first)
        do {
            return try ledger.read { txn throws(LedgerError) in
                var found: [(String, Role)] = []
                try txn.scan(ledger.database(name)!, from: prefix) { key, value in
                    guard key.starts(with: prefix) else { return false }
                    let second = String(decoding: key[prefix.count...], as: UTF8.self)
                    if let role = Role(rawValue: String(decoding: value, as: UTF8.self)) {
                        found.append((second, role))
                    }
                    return true
                }
                return found
            }
        } catch { throw .storage(error) }
    }

    private func decoded<T>(_ body: () throws(JSONError) -> T) throws(IdentityError) -> T {
        do { return try body() } catch {
            throw .internalFailure("identity projection holds an unreadable record: \(error)")
        }
    }
}
