import GraphQL
import Identity

extension IdentityResolvers {
    var companyMutations: [String: FieldResolver] {
        [
            "createCompany": { @Sendable _, arguments, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                let input = arguments.object("companyInput")
                let record = try await ResolverSupport.identity { () async throws(IdentityError) in
                    try await identity.createCompany(
                        userId: userId, siret: input.string("siret"),
                        vatNumber: input.string("vatNumber"),
                        companyName: input.string("companyName") ?? "",
                        address: input.string("address") ?? "",
                        companyTypes: Self.companyTypes(input.strings("companyTypes") ?? []))
                }
                return try company(record.profile.orgId, viewer: userId)
            },
            "updateCompany": { @Sendable _, arguments, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                let orgId = arguments.string("id") ?? ""
                var changes = CompanyChanges()
                changes.name = arguments.string("companyName")
                changes.address = arguments.string("address")
                changes.companyTypes = arguments.strings("companyTypes").map(Self.companyTypes)
                changes.transporterReceiptId = arguments.string("transporterReceiptId")
                let record = try await ResolverSupport.identity { () async throws(IdentityError) in
                    try await identity.updateCompany(userId: userId, orgId: orgId, changes: changes)
                }
                return try company(record.profile.orgId, viewer: userId)
            },
            "createTransporterReceipt": { @Sendable _, arguments, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                let input = arguments.object("input")
                let receipt = try await ResolverSupport.identity { () async throws(IdentityError) in
                    try await identity.createTransporterReceipt(
                        userId: userId, receiptNumber: input.string("receiptNumber") ?? "",
                        validityLimit: input.string("validityLimit") ?? "",
                        department: input.string("department") ?? "")
                }
                return JSON.object([
                    "id": .string(receipt.id), "receiptNumber": .string(receipt.receiptNumber),
                    "validityLimit": .string(receipt.validityLimit),
                    "department": .string(receipt.department),
                ])
            },
        ].merging(memberMutations) { first, _ in first }
    }

    private var memberMutations: [String: FieldResolver] {
        [
            "inviteUserToCompany": { @Sendable _, arguments, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                let orgId = arguments.string("siret") ?? ""
                try await ResolverSupport.identity { () async throws(IdentityError) in
                    try await identity.inviteUserToCompany(
                        userId: userId, email: arguments.string("email") ?? "", orgId: orgId,
                        role: Role(rawValue: arguments.string("role") ?? "") ?? .reader)
                }
                return try company(orgId, viewer: userId)
            },
            "removeUserFromCompany": { @Sendable _, arguments, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                let orgId = arguments.string("siret") ?? ""
                try await ResolverSupport.identity { () async throws(IdentityError) in
                    try await identity.removeUserFromCompany(
                        userId: userId, memberId: arguments.string("userId") ?? "", orgId: orgId)
                }
                return try company(orgId, viewer: userId)
            },
            "changeUserRole": { @Sendable _, arguments, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                let orgId = arguments.string("orgId") ?? ""
                let memberId = arguments.string("userId") ?? ""
                let role = Role(rawValue: arguments.string("role") ?? "") ?? .reader
                return try await ResolverSupport.identity { () async throws(IdentityError) in
                    try await identity.changeUserRole(
                        userId: userId, memberId: memberId, orgId: orgId, role: role)
                    return try memberView(Membership(userId: memberId, orgId: orgId, role: role))
                }
            },
            "renewSecurityCode": { @Sendable _, arguments, context, _ in
                let userId = try ResolverSupport.context(context).requireUser()
                let record = try await ResolverSupport.identity { () async throws(IdentityError) in
                    try await identity.renewSecurityCode(
                        userId: userId, orgId: arguments.string("siret") ?? "")
                }
                return try company(record.profile.orgId, viewer: userId)
            },
        ]
    }

    static func companyTypes(_ names: [String]) -> [CompanyType] {
        names.compactMap(CompanyType.init(rawValue:))
    }
}
