import GraphQL
import Identity

extension IdentityResolvers {
    var accountMutations: [String: FieldResolver] {
        [
            "signup": { @Sendable _, arguments, context, _ in
                let request = try ResolverSupport.context(context)
                let input = arguments.object("userInfos")
                let record = try await ResolverSupport.identity { () async throws(IdentityError) in
                    try await identity.signup(
                        email: input.string("email") ?? "",
                        password: input.string("password") ?? "",
                        name: input.string("name") ?? "", clientKey: request.remoteAddress)
                }
                return try user(record.userId)
            },
            "login": { @Sendable _, arguments, context, _ in
                let request = try ResolverSupport.context(context)
                let token = try await ResolverSupport.identity { () async throws(IdentityError) in
                    try await identity.login(
                        email: arguments.string("email") ?? "",
                        password: arguments.string("password") ?? "",
                        clientKey: request.remoteAddress)
                }
                let userId = try await ResolverSupport.identity { () async throws(IdentityError) in
                    try await identity.verify(bearer: token)
                }
                return JSON.object(["token": .string(token), "user": try user(userId)])
            },
            "changePassword": { @Sendable _, arguments, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                try await ResolverSupport.identity { () async throws(IdentityError) in
                    try await identity.changePassword(
                        userId: userId, oldPassword: arguments.string("oldPassword") ?? "",
                        newPassword: arguments.string("newPassword") ?? "")
                }
                return try user(userId)
            },
            "createAccessToken": { @Sendable _, arguments, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                let description = arguments.object("input").string("description") ?? ""
                let created = try await ResolverSupport.identity { () async throws(IdentityError) in
                    try await identity.createAccessToken(userId: userId, description: description)
                }
                return JSON.object([
                    "id": .string(created.id), "token": .string(created.token),
                    "description": .string(created.description),
                ])
            },
            "revokeAccessToken": { @Sendable _, arguments, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                let tokenId = arguments.string("id") ?? ""
                let record = try await ResolverSupport.identity { () async throws(IdentityError) in
                    try await identity.revokeAccessToken(userId: userId, tokenId: tokenId)
                    return try identity.queries.accessTokens(userId: userId).first {
                        $0.tokenId == tokenId
                    }
                }
                guard let record else { throw APIError(.notFound, "No access token \(tokenId).") }
                return Self.accessToken(record)
            },
        ]
    }
}
