import CanonicalJSON

extension IdentityEvent {
    /// The schema version every identity event is written with today.
    public static let schemaVersion: UInt16 = 1

    /// Reads an event from its ledger type, schema version and payload bytes.
    /// - Throws: ``JSONError`` with `invalidValue` (key `type`) for an unknown type or version.
    public static func decode(
        type: String, schemaVersion: UInt16, payload: [UInt8]
    ) throws(JSONError) -> IdentityEvent {
        guard schemaVersion == Self.schemaVersion else {
            throw JSONError(.invalidValue, at: 0, key: "schemaVersion")
        }
        let json = try Fields(bytes: payload)
        if let event = try decodeAccountEvent(type, json) { return event }
        if let event = try decodeCompanyEvent(type, json) { return event }
        throw JSONError(.invalidValue, at: 0, key: "type")
    }

    private static func decodeAccountEvent(
        _ type: String, _ json: Fields
    ) throws(JSONError) -> IdentityEvent? {
        switch type {
        case "UserSignedUp":
            .userSignedUp(
                userId: try json.string("userId"), email: try json.string("email"),
                name: try json.string("name"), passwordHash: try json.string("passwordHash"),
                at: try json.int("at"))
        case "PasswordChanged":
            .passwordChanged(
                userId: try json.string("userId"), passwordHash: try json.string("passwordHash"),
                at: try json.int("at"))
        case "AccessTokenCreated":
            .accessTokenCreated(
                userId: try json.string("userId"), tokenId: try json.string("tokenId"),
                description: try json.string("description"),
                tokenHash: try json.string("tokenHash"), at: try json.int("at"))
        case "AccessTokenRevoked":
            .accessTokenRevoked(
                userId: try json.string("userId"), tokenId: try json.string("tokenId"),
                at: try json.int("at"))
        case "AccessTokenUsed":
            .accessTokenUsed(
                userId: try json.string("userId"), tokenId: try json.string("tokenId"),
                hour: try json.int("hour"))
        case "EmailClaimed":
            .emailClaimed(email: try json.string("email"), userId: try json.string("userId"))
        case "EmailInvited":
            .emailInvited(email: try json.string("email"), orgId: try json.string("orgId"))
        default: nil
        }
    }

    private static func decodeCompanyEvent(
        _ type: String, _ json: Fields
    ) throws(JSONError) -> IdentityEvent? {
        switch type {
        case "CompanyCreated":
            .companyCreated(
                try CompanyProfile(json: try json.object("company")),
                createdBy: try json.string("createdBy"),
                securityCode: try json.string("securityCode"), at: try json.int("at"))
        case "CompanyUpdated":
            .companyUpdated(
                orgId: try json.string("orgId"),
                changes: try CompanyChanges(json: try json.object("changes")),
                at: try json.int("at"))
        case "MemberAdded":
            .memberAdded(
                orgId: try json.string("orgId"), userId: try json.string("userId"),
                role: try json.role("role"), viaInvitation: try json.optionalString("viaInvitation")
            )
        case "MemberRoleChanged":
            .memberRoleChanged(
                orgId: try json.string("orgId"), userId: try json.string("userId"),
                role: try json.role("role"))
        case "MemberRemoved":
            .memberRemoved(orgId: try json.string("orgId"), userId: try json.string("userId"))
        case "UserInvited":
            .userInvited(
                orgId: try json.string("orgId"), email: try json.string("email"),
                role: try json.role("role"), invitedBy: try json.string("invitedBy"))
        case "SecurityCodeRenewed":
            .securityCodeRenewed(
                orgId: try json.string("orgId"), securityCode: try json.string("securityCode"))
        case "TransporterReceiptCreated":
            .transporterReceiptCreated(
                try TransporterReceipt(json: try json.object("receipt")),
                createdBy: try json.string("createdBy"))
        default: nil
        }
    }
}
