import CanonicalJSON
import Identity
import Testing

@Suite struct EventCodecTests {
    static let samples: [IdentityEvent] = [
        .userSignedUp(userId: "u1", email: "a@b.fr", name: "A", passwordHash: "$argon2id$x", at: 1),
        .passwordChanged(userId: "u1", passwordHash: "$argon2id$y", at: 2),
        .accessTokenCreated(userId: "u1", tokenId: "t1", description: "CI", tokenHash: "ab", at: 3),
        .accessTokenRevoked(userId: "u1", tokenId: "t1", at: 4),
        .accessTokenUsed(userId: "u1", tokenId: "t1", hour: 3_600_000_000),
        .emailClaimed(email: "a@b.fr", userId: "u1"),
        .emailInvited(email: "c@d.fr", orgId: "12345678000014"),
        .companyCreated(
            CompanyProfile(
                orgId: "BE0123456789", siret: nil, vatNumber: "BE0123456789", name: "N",
                address: "A", companyTypes: [.transporter, .trader]),
            createdBy: "u1", securityCode: "1234", at: 5),
        .companyUpdated(orgId: "12345678000014", changes: CompanyChanges(name: "M"), at: 6),
        .companyUpdated(
            orgId: "12345678000014",
            changes: CompanyChanges(companyTypes: [.producer], transporterReceiptId: "r1"), at: 7),
        .memberAdded(orgId: "12345678000014", userId: "u2", role: .driver, viaInvitation: "c@d.fr"),
        .memberAdded(orgId: "12345678000014", userId: "u3", role: .admin, viaInvitation: nil),
        .memberRoleChanged(orgId: "12345678000014", userId: "u2", role: .reader),
        .memberRemoved(orgId: "12345678000014", userId: "u2"),
        .userInvited(orgId: "12345678000014", email: "c@d.fr", role: .member, invitedBy: "u1"),
        .securityCodeRenewed(orgId: "12345678000014", securityCode: "9876"),
        .transporterReceiptCreated(
            TransporterReceipt(
                id: "r1", receiptNumber: "N", validityLimit: "2030-01-01",
                department: "2B"), createdBy: "u1"),
    ]

    @Test(arguments: samples)
    func everyEventRoundTripsThroughCanonicalJSON(event: IdentityEvent) throws {
        let bytes = event.payloadBytes
        try CanonicalJSON.validate(bytes)
        let decoded = try IdentityEvent.decode(type: event.type, schemaVersion: 1, payload: bytes)
        #expect(decoded == event)
    }

    @Test func unknownTypeOrVersionIsRefused() {
        let payload = Self.samples[0].payloadBytes
        #expect(throws: JSONError.self) {
            try IdentityEvent.decode(type: "UserVanished", schemaVersion: 1, payload: payload)
        }
        #expect(throws: JSONError.self) {
            try IdentityEvent.decode(type: "UserSignedUp", schemaVersion: 2, payload: payload)
        }
    }
}
