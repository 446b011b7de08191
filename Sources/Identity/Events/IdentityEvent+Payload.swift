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

extension CompanyProfile {
    var jsonValue: JSONValue {
        [
            "orgId": .string(orgId), "siret": siret.map(JSONValue.string) ?? .null,
            "vatNumber": vatNumber.map(JSONValue.string) ?? .null, "name": .string(name),
            "address": .string(address),
            "companyTypes": .array(companyTypes.map { .string($0.rawValue) }),
        ]
    }

    init(json: Fields) throws(JSONError) {
        self.init(
            orgId: try json.string("orgId"), siret: try json.optionalString("siret"),
            vatNumber: try json.optionalString("vatNumber"), name: try json.string("name"),
            address: try json.string("address"), companyTypes: try json.companyTypes("companyTypes")
        )
    }
}

extension CompanyChanges {
    var jsonValue: JSONValue {
        var members: [String: JSONValue] = [:]
        if let name { members["name"] = .string(name) }
        if let address { members["address"] = .string(address) }
        if let companyTypes {
            members["companyTypes"] = .array(companyTypes.map { .string($0.rawValue) })
        }
        if let transporterReceiptId {
            members["transporterReceiptId"] = .string(transporterReceiptId)
        }
        return .object(members)
    }

    init(json: Fields) throws(JSONError) {
        self.init(
            name: try json.optionalString("name"), address: try json.optionalString("address"),
            companyTypes: json.has("companyTypes") ? try json.companyTypes("companyTypes") : nil,
            transporterReceiptId: try json.optionalString("transporterReceiptId"))
    }
}

extension TransporterReceipt {
    var jsonValue: JSONValue {
        [
            "id": .string(id), "receiptNumber": .string(receiptNumber),
            "validityLimit": .string(validityLimit), "department": .string(department),
        ]
    }

    init(json: Fields) throws(JSONError) {
        self.init(
            id: try json.string("id"), receiptNumber: try json.string("receiptNumber"),
            validityLimit: try json.string("validityLimit"),
            department: try json.string("department"))
    }
}
