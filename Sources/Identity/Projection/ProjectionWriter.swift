import CanonicalJSON
import Ledger

/// Applies one identity event to the projection's databases inside the append's transaction.
struct ProjectionWriter {
    typealias Names = IdentityProjection.Names
    let context: ProjectionContext

    private var txn: Transaction { context.transaction }
    private func db(_ name: String) -> Database { context.database(name) }

    mutating func apply(_ event: IdentityEvent) throws {
        switch event {
        case .userSignedUp(let userId, let email, let name, let passwordHash, let at):
            let user = UserRecord(
                userId: userId, email: email, name: name, passwordHash: passwordHash, createdAt: at)
            try txn.put(db(Names.users), ProjectionKey.text(userId), user.json)
            try txn.put(db(Names.emails), ProjectionKey.text(email), ProjectionKey.text(userId))
        case .passwordChanged(let userId, let passwordHash, _):
            try updateUser(userId) { $0.passwordHash = passwordHash }
        case .accessTokenCreated(let userId, let tokenId, let description, let tokenHash, let at):
            let token = AccessTokenRecord(
                tokenId: tokenId, userId: userId, description: description, createdAt: at,
                revoked: false, lastUsedAt: nil)
            try txn.put(db(Names.tokens), ProjectionKey.text(tokenHash), token.json)
            try txn.put(
                db(Names.userTokens), ProjectionKey.pair(userId, tokenId),
                ProjectionKey.text(tokenHash))
        case .accessTokenRevoked(let userId, let tokenId, _):
            try updateToken(userId, tokenId) { $0.revoked = true }
        case .accessTokenUsed(let userId, let tokenId, let hour):
            try updateToken(userId, tokenId) { $0.lastUsedAt = max($0.lastUsedAt ?? hour, hour) }
        case .emailClaimed, .emailInvited:
            return
        default:
            try applyCompanyEvent(event)
        }
    }

    private mutating func applyCompanyEvent(_ event: IdentityEvent) throws {
        switch event {
        case .companyCreated(let profile, _, let securityCode, let at):
            let company = CompanyRecord(
                profile: profile, securityCode: securityCode, transporterReceipt: nil, createdAt: at
            )
            try txn.put(db(Names.companies), ProjectionKey.text(profile.orgId), company.json)
        case .companyUpdated(let orgId, let changes, _):
            try updateProfile(orgId, changes)
        case .memberAdded(let orgId, let userId, let role, let viaInvitation):
            try setRole(role, userId, orgId)
            if let email = viaInvitation {
                try txn.delete(db(Names.invitations), ProjectionKey.pair(email, orgId))
            }
        case .memberRoleChanged(let orgId, let userId, let role):
            try setRole(role, userId, orgId)
        case .memberRemoved(let orgId, let userId):
            try txn.delete(db(Names.memberships), ProjectionKey.pair(userId, orgId))
            try txn.delete(db(Names.members), ProjectionKey.pair(orgId, userId))
        case .userInvited(let orgId, let email, let role, _):
            try txn.put(
                db(Names.invitations), ProjectionKey.pair(email, orgId),
                ProjectionKey.text(role.rawValue))
        case .securityCodeRenewed(let orgId, let securityCode):
            try updateCompany(orgId) { $0.securityCode = securityCode }
        case .transporterReceiptCreated(let receipt, _):
            try txn.put(
                db(Names.receipts), ProjectionKey.text(receipt.id),
                CanonicalJSON.encode(receipt.jsonValue))
        default:
            return
        }
    }

    private func updateProfile(_ orgId: String, _ changes: CompanyChanges) throws {
        let receipt = try changes.transporterReceiptId.map { id throws in
            try txn.get(db(Names.receipts), ProjectionKey.text(id)).map { bytes throws in
                try TransporterReceipt(json: try Fields(bytes: bytes))
            }
        }
        try updateCompany(orgId) { company in
            if let name = changes.name { company.profile.name = name }
            if let address = changes.address { company.profile.address = address }
            if let types = changes.companyTypes { company.profile.companyTypes = types }
            if let receipt { company.transporterReceipt = receipt }
        }
    }

    private func setRole(_ role: Role, _ userId: String, _ orgId: String) throws {
        let value = ProjectionKey.text(role.rawValue)
        try txn.put(db(Names.memberships), ProjectionKey.pair(userId, orgId), value)
        try txn.put(db(Names.members), ProjectionKey.pair(orgId, userId), value)
    }

    private func updateUser(_ userId: String, _ change: (inout UserRecord) -> Void) throws {
        let key = ProjectionKey.text(userId)
        guard let bytes = try txn.get(db(Names.users), key) else {
            throw ProjectionInconsistency(what: "user \(userId)")
        }
        var user = try UserRecord(json: bytes)
        change(&user)
        try txn.put(db(Names.users), key, user.json)
    }

    private func updateToken(
        _ userId: String, _ tokenId: String, _ change: (inout AccessTokenRecord) -> Void
    ) throws {
        guard let hash = try txn.get(db(Names.userTokens), ProjectionKey.pair(userId, tokenId)),
            let bytes = try txn.get(db(Names.tokens), hash)
        else { throw ProjectionInconsistency(what: "token \(tokenId) of user \(userId)") }
        var token = try AccessTokenRecord(json: bytes)
        change(&token)
        try txn.put(db(Names.tokens), hash, token.json)
    }

    private func updateCompany(_ orgId: String, _ change: (inout CompanyRecord) -> Void) throws {
        let key = ProjectionKey.text(orgId)
        guard let bytes = try txn.get(db(Names.companies), key) else {
            throw ProjectionInconsistency(what: "company \(orgId)")
        }
        var company = try CompanyRecord(json: bytes)
        change(&company)
        try txn.put(db(Names.companies), key, company.json)
    }
}

/// An event refers to something the projection does not hold: the append is refused.
struct ProjectionInconsistency: Error, CustomStringConvertible {
    let what: String
    var description: String { "identity projection has no \(what)" }
}
