import GraphQL
import Identity
import Ledger

/// The resolvers of the account, token and company operations, over ``IdentityService``.
struct IdentityResolvers: Sendable {
    let identity: IdentityService

    var queries: [String: FieldResolver] {
        [
            "me": { @Sendable _, _, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                return try user(userId)
            },
            "myCompanies": { @Sendable _, _, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                let memberships = try await ResolverSupport.identity { () throws(IdentityError) in
                    try identity.queries.myCompanies(userId: userId)
                }
                return try JSON.list(memberships.map { try company($0.orgId, viewer: userId) })
            },
            "accessTokens": { @Sendable _, _, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                let tokens = try await ResolverSupport.identity { () throws(IdentityError) in
                    try identity.queries.accessTokens(userId: userId)
                }
                return JSON.list(tokens.map(Self.accessToken))
            },
        ]
    }

    var mutations: [String: FieldResolver] {
        accountMutations.merging(companyMutations) { first, _ in first }
    }

    /// A user as the schema's `User`.
    func user(_ userId: String) throws(APIError) -> JSON {
        let record = try Self.identityValue { () throws(IdentityError) in
            try identity.queries.user(id: userId)
        }
        guard let record else { throw APIError(.notFound, "No user \(userId) that you can see.") }
        return .object([
            "id": .string(record.userId), "email": .string(record.email),
            "name": .string(record.name),
        ])
    }

    /// A company as the schema's `CompanyPrivate`, seen by member `viewer`.
    func company(_ orgId: String, viewer: String) throws(APIError) -> JSON {
        try Self.identityValue { () throws(IdentityError) in
            guard let record = try identity.queries.company(orgId),
                let role = try identity.queries.role(userId: viewer, orgId: orgId)
            else { throw .notFound(.company, id: orgId) }
            let members = role == .admin ? try identity.queries.members(orgId: orgId) : []
            return CompanyView(record: record, role: role, members: try members.map(memberView))
                .json
        }
    }

    func memberView(_ membership: Membership) throws(IdentityError) -> JSON {
        let user = try identity.queries.user(id: membership.userId)
        return .object([
            "id": .string(membership.userId), "email": .string(user?.email ?? ""),
            "name": .string(user?.name ?? ""), "role": .string(membership.role.rawValue),
        ])
    }

    static func accessToken(_ record: AccessTokenRecord) -> JSON {
        .object([
            "id": .string(record.tokenId), "description": .string(record.description),
            "createdAt": .string(Timestamp.format(record.createdAt)),
            "lastUsed": record.lastUsedAt.map { .string(Timestamp.format($0)) } ?? .null,
            "isRevoked": .bool(record.revoked),
        ])
    }

    /// Runs a synchronous identity read, converting its error.
    static func identityValue<T>(_ body: () throws(IdentityError) -> T) throws(APIError) -> T {
        do {
            return try body()
        } catch {
            throw APIError(error)
        }
    }
}
