import GraphQL
import Webhooks

extension WebhookResolvers {
    var mutations: [String: FieldResolver] {
        [
            "createWebhookSetting": { @Sendable _, arguments, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                let input = arguments.object("input")
                let orgId = input.string("companyId") ?? ""
                try requireAdmin(userId, of: orgId)
                let setting = try await waiting { () async throws(WebhookError) in
                    try await webhooks.settings.create(
                        orgId: orgId, endpointUri: input.string("endpointUri") ?? "",
                        token: input.string("token") ?? "",
                        activated: input.bool("activated") ?? false,
                        payload: Self.payload(input) ?? .thin, userId: userId)
                }
                return WebhookViews.setting(setting, showingSecret: true)
            },
            "updateWebhookSetting": { @Sendable _, arguments, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                let current = try adminSetting(arguments.string("id"), userId)
                let input = arguments.object("input")
                let changes = WebhookSettingChanges(
                    endpointUri: input.string("endpointUri"), token: input.string("token"),
                    activated: input.bool("activated"), payload: Self.payload(input))
                let updated = try await waiting { () async throws(WebhookError) in
                    try await webhooks.settings.update(
                        id: current.id, changes: changes, expectedVersion: current.version,
                        userId: userId)
                }
                return WebhookViews.setting(updated)
            },
            "deleteWebhookSetting": { @Sendable _, arguments, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                let current = try adminSetting(arguments.string("id"), userId)
                let deleted = try await waiting { () async throws(WebhookError) in
                    try await webhooks.settings.delete(
                        id: current.id, expectedVersion: current.version, userId: userId)
                }
                return WebhookViews.setting(deleted)
            },
        ].merging(resendMutations) { first, _ in first }
    }

    private var resendMutations: [String: FieldResolver] {
        [
            "resendWebhookFailure": { @Sendable _, arguments, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                let setting = try adminSetting(arguments.string("settingId"), userId)
                guard let position = arguments.string("position").flatMap(UInt64.init) else {
                    throw APIError(.notFound("\(setting.id)@\(arguments.string("position") ?? "")"))
                }
                let delivered = try await waiting { () async throws(WebhookError) in
                    try await webhooks.resend(settingId: setting.id, position: position)
                }
                return WebhookViews.resend(delivered: delivered ? 1 : 0, failed: delivered ? 0 : 1)
            },
            "resendWebhookFailures": { @Sendable _, arguments, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                let setting = try adminSetting(arguments.string("settingId"), userId)
                let after = arguments.string("after").flatMap(UInt64.init) ?? 0
                let outcome = try await waiting { () async throws(WebhookError) in
                    try await webhooks.resendAll(settingId: setting.id, after: after)
                }
                return WebhookViews.resend(delivered: outcome.delivered, failed: outcome.failed)
            },
        ]
    }

    static func payload(_ input: JSONObject) -> WebhookPayloadKind? {
        input.string("payload").flatMap(WebhookPayloadKind.init(rawValue:))
    }
}
