import GraphQL
import Identity

/// A company as its members see it (`CompanyPrivate`).
struct CompanyView {
    let record: CompanyRecord
    let role: Role
    let members: [JSON]

    var json: JSON {
        let profile = record.profile
        let receipt: JSON =
            record.transporterReceipt.map {
                .object([
                    "id": .string($0.id), "receiptNumber": .string($0.receiptNumber),
                    "validityLimit": .string($0.validityLimit),
                    "department": .string($0.department),
                ])
            } ?? .null
        return .object([
            "id": .string(profile.orgId), "orgId": .string(profile.orgId),
            "siret": profile.siret.map { .string($0) } ?? .null,
            "vatNumber": profile.vatNumber.map { .string($0) } ?? .null,
            "name": .string(profile.name), "address": .string(profile.address),
            "companyTypes": .list(profile.companyTypes.map { .string($0.rawValue) }),
            "userRole": .string(role.rawValue), "securityCode": .string(record.securityCode),
            "transporterReceipt": receipt, "users": .list(members),
        ])
    }
}
