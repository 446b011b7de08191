import CanonicalJSON

extension IdentityEvent {
    /// The payload as a JSON tree; ``CanonicalJSON`` writes it in canonical form.
    public var payload: JSONValue {
        switch self {
        case .userSignedUp(let userId, let email, let name, let passwordHash, let at):
            [
                "userId": .string(userId), "email": .string(email), "name": .string(name),
                "passwordHash": .string(passwordHash), "at": .int(at),
            ]
        case .passwordChanged(let userId, let passwordHash, let at):
            ["userId": .string(userId), "passwordHash": .string(passwordHash), "at": .int(at)]
        case .accessTokenCreated(let userId, let tokenId, let description, let tokenHash, let at):
            [
                "userId": .string(userId), "tokenId": .string(tokenId),
                "description": .string(description), "tokenHash": .string(tokenHash),
                "at": .int(at),
            ]
        case .accessTokenRevoked(let userId, let tokenId, let at):
            ["userId": .string(userId), "tokenId": .string(tokenId), "at": .int(at)]
        case .accessTokenUsed(let userId, let tokenId, let hour):
            ["userId": .string(userId), "tokenId": .string(tokenId), "hour": .int(hour)]
        case .emailClaimed(let email, let userId):
            ["email": .string(email), "userId": .string(userId)]
        case .emailInvited(let email, let orgId):
            ["email": .string(email), "orgId": .string(orgId)]
        default:
            companyPayload
        }
    }

    private var companyPayload: JSONValue {
        switch self {
        case .companyCreated(let profile, let createdBy, let securityCode, let at):
            [
                "company": profile.jsonValue, "createdBy": .string(createdBy),
                "securityCode": .string(securityCode), "at": .int(at),
            ]
        case .companyUpdated(let orgId, let changes, let at):
            ["orgId": .string(orgId), "changes": changes.jsonValue, "at": .int(at)]
        case .memberAdded(let orgId, let userId, let role, let viaInvitation):
            [
                "orgId": .string(orgId), "userId": .string(userId), "role": .string(role.rawValue),
                "viaInvitation": viaInvitation.map(JSONValue.string) ?? .null,
            ]
        case .memberRoleChanged(let orgId, let userId, let role):
            ["orgId": .string(orgId), "userId": .string(userId), "role": .string(role.rawValue)]
        case .memberRemoved(let orgId, let userId):
            ["orgId": .string(orgId), "userId": .string(userId)]
        case .userInvited(let orgId, let email, let role, let invitedBy):
            [
                "orgId": .string(orgId), "email": .string(email), "role": .string(role.rawValue),
                "invitedBy": .string(invitedBy),
            ]
        case .securityCodeRenewed(let orgId, let securityCode):
            ["orgId": .string(orgId), "securityCode": .string(securityCode)]
        case .transporterReceiptCreated(let receipt, let createdBy):
            ["receipt": receipt.jsonValue, "createdBy": .string(createdBy)]
        default:
            preconditionFailure("\(type) is not a company event")
        }
    }

    /// The payload's canonical JSON bytes.
    public var payloadBytes: [UInt8] { CanonicalJSON.encode(payload) }
}
