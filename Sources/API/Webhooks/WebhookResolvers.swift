import GraphQL
import Identity
import Ledger
import Webhooks

/// The resolvers of the webhook operations: authenticate, load, check that the caller is
/// ADMIN of the setting's company (a setting of a company the caller is not in is
/// NOT_FOUND; of a company where the caller has another role, FORBIDDEN), then act.
struct WebhookResolvers: Sendable {
    let identity: IdentityService
    let webhooks: WebhookService

    var queries: [String: FieldResolver] {
        [
            "webhooksettings": { @Sendable _, arguments, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                let orgIds = try adminCompanies(userId)
                let all = try value { () throws(WebhookError) in
                    try webhooks.settings.settings(orgIds: orgIds)
                }
                return try WebhookViews.connection(
                    all, cursor: { $0.id }, node: { WebhookViews.setting($0) },
                    first: arguments.int("first"), after: arguments.string("after"))
            },
            "webhooksetting": { @Sendable _, arguments, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                return WebhookViews.setting(try adminSetting(arguments.string("id"), userId))
            },
            "webhookFailures": { @Sendable _, arguments, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                let setting = try adminSetting(arguments.string("settingId"), userId)
                let failures = try value { () throws(WebhookError) in
                    try webhooks.store.failures(setting.id, after: 0, limit: 100_000)
                }
                return try WebhookViews.connection(
                    failures, cursor: { String($0.position) }, node: WebhookViews.failure,
                    first: arguments.int("first"), after: arguments.string("after"))
            },
        ]
    }

    /// The companies where `userId` is ADMIN.
    func adminCompanies(_ userId: String) throws(APIError) -> Set<String> {
        let memberships = try IdentityResolvers.identityValue { () throws(IdentityError) in
            try identity.queries.myCompanies(userId: userId)
        }
        return Set(memberships.filter { $0.role == .admin }.map(\.orgId))
    }

    /// Checks that `userId` is ADMIN of `orgId`: FORBIDDEN otherwise.
    func requireAdmin(_ userId: String, of orgId: String) throws(APIError) {
        let role = try IdentityResolvers.identityValue { () throws(IdentityError) in
            try identity.queries.role(userId: userId, orgId: orgId)
        }
        guard role == .admin else {
            throw APIError(.forbidden, "Only an ADMIN of company \(orgId) manages its webhooks.")
        }
    }

    /// The setting `id` if `userId` is ADMIN of its company.
    func adminSetting(_ id: String?, _ userId: String) throws(APIError) -> WebhookSetting {
        let id = id ?? ""
        let found = try value { () throws(WebhookError) in try webhooks.settings.setting(id: id) }
        guard let setting = found, !setting.isDeleted else { throw APIError(.notFound(id)) }
        let role = try IdentityResolvers.identityValue { () throws(IdentityError) in
            try identity.queries.role(userId: userId, orgId: setting.record.orgId)
        }
        guard role != nil else { throw APIError(.notFound(id)) }
        try requireAdmin(userId, of: setting.record.orgId)
        return setting
    }

    /// Runs a webhook call, converting its error.
    func value<T>(_ body: () throws(WebhookError) -> T) throws(APIError) -> T {
        do {
            return try body()
        } catch {
            throw APIError(error)
        }
    }

    /// Runs an async webhook call, converting its error.
    func waiting<T>(_ body: () async throws(WebhookError) -> T) async throws(APIError) -> T {
        do {
            return try await body()
        } catch {
            throw APIError(error)
        }
    }
}

extension JSONObject {
    /// The integer argument `name`, or nil.
    func int(_ name: String) -> Int? {
        guard case .int(let value)? = self[name] else { return nil }
        return value
    }

    /// The Boolean argument `name`, or nil.
    func bool(_ name: String) -> Bool? {
        guard case .bool(let value)? = self[name] else { return nil }
        return value
    }
}
