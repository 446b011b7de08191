import Identity
import Testing

@Suite struct MembershipTests {
    /// An admin with a company, and a second account.
    private func setUp() async throws -> (IdentityHarness, admin: String, other: String) {
        let harness = try IdentityHarness()
        let admin = try await harness.signup("admin@example.org")
        let other = try await harness.signup("bob@example.org")
        _ = try await harness.company(by: admin)
        return (harness, admin, other)
    }

    @Test func invitingAnAccountMakesItAMemberAtOnce() async throws {
        let (harness, admin, other) = try await setUp()
        try await harness.service.inviteUserToCompany(
            userId: admin, email: "BOB@example.org", orgId: Fixture.siret, role: .driver)
        #expect(try harness.service.queries.role(userId: other, orgId: Fixture.siret) == .driver)
        await #expect(throws: IdentityError.conflict(.alreadyMember(orgId: Fixture.siret))) {
            try await harness.service.inviteUserToCompany(
                userId: admin, email: "bob@example.org", orgId: Fixture.siret, role: .member)
        }
    }

    @Test func invitationWithoutAccountTurnsIntoMembershipAtSignup() async throws {
        let (harness, admin, _) = try await setUp()
        let service = harness.service
        try await service.inviteUserToCompany(
            userId: admin, email: "new@example.org", orgId: Fixture.siret, role: .reader)
        #expect(
            try service.queries.invitations(email: "new@example.org") == [Fixture.siret: .reader])
        await #expect(throws: IdentityError.conflict(.alreadyInvited(orgId: Fixture.siret))) {
            try await service.inviteUserToCompany(
                userId: admin, email: "new@example.org", orgId: Fixture.siret, role: .member)
        }
        let newcomer = try await harness.signup("New@Example.org")
        #expect(try service.queries.role(userId: newcomer, orgId: Fixture.siret) == .reader)
        #expect(try service.queries.invitations(email: "new@example.org").isEmpty)
    }

    @Test func onlyAdminsManageMembers() async throws {
        let (harness, admin, other) = try await setUp()
        try await harness.service.inviteUserToCompany(
            userId: admin, email: "bob@example.org", orgId: Fixture.siret, role: .member)
        let denied = IdentityError.forbidden(
            permission: .companyCanManageMembers, orgId: Fixture.siret)
        await #expect(throws: denied) {
            try await harness.service.inviteUserToCompany(
                userId: other, email: "carol@example.org", orgId: Fixture.siret, role: .reader)
        }
        await #expect(throws: denied) {
            try await harness.service.changeUserRole(
                userId: other, memberId: other, orgId: Fixture.siret, role: .admin)
        }
        await #expect(throws: denied) {
            try await harness.service.removeUserFromCompany(
                userId: other, memberId: admin, orgId: Fixture.siret)
        }
        await #expect(
            throws: IdentityError.forbidden(
                permission: .companyCanRenewSecurityCode, orgId: Fixture.siret)
        ) {
            try await harness.service.renewSecurityCode(userId: other, orgId: Fixture.siret)
        }
    }

    @Test func lastAdminCannotBeRemovedNorDemoted() async throws {
        let (harness, admin, other) = try await setUp()
        let service = harness.service
        await #expect(throws: IdentityError.lastAdmin(orgId: Fixture.siret)) {
            try await service.removeUserFromCompany(
                userId: admin, memberId: admin, orgId: Fixture.siret)
        }
        await #expect(throws: IdentityError.lastAdmin(orgId: Fixture.siret)) {
            try await service.changeUserRole(
                userId: admin, memberId: admin, orgId: Fixture.siret, role: .member)
        }
        try await service.inviteUserToCompany(
            userId: admin, email: "bob@example.org", orgId: Fixture.siret, role: .admin)
        try await service.changeUserRole(
            userId: other, memberId: admin, orgId: Fixture.siret, role: .reader)
        #expect(try service.queries.role(userId: admin, orgId: Fixture.siret) == .reader)
        try await service.removeUserFromCompany(
            userId: other, memberId: admin, orgId: Fixture.siret)
        #expect(try service.queries.role(userId: admin, orgId: Fixture.siret) == nil)
        #expect(try service.queries.myCompanies(userId: admin).isEmpty)
        #expect(try service.queries.members(orgId: Fixture.siret).map(\.userId) == [other])
    }

    @Test func removingANonMemberIsNotFound() async throws {
        let (harness, admin, other) = try await setUp()
        await #expect(throws: IdentityError.notFound(.membership, id: other)) {
            try await harness.service.removeUserFromCompany(
                userId: admin, memberId: other, orgId: Fixture.siret)
        }
        await #expect(throws: IdentityError.notFound(.company, id: Fixture.otherSiret)) {
            try await harness.service.removeUserFromCompany(
                userId: admin, memberId: other, orgId: Fixture.otherSiret)
        }
    }

    @Test func renewedSecurityCodeDiffers() async throws {
        let (harness, admin, _) = try await setUp()
        for _ in 0..<5 {
            let previous = try #require(try harness.service.queries.company(Fixture.siret))
            let renewed = try await harness.service.renewSecurityCode(
                userId: admin, orgId: Fixture.siret)
            #expect(renewed.securityCode != previous.securityCode)
            #expect(renewed.securityCode.count == 4)
        }
    }

    @Test func invitationRacingWithSignupAlwaysEndsInMembership() async throws {
        let (harness, admin, _) = try await setUp()
        let service = harness.service
        for index in 0..<6 {
            let email = "racer\(index)@example.org"
            async let invited: Void = service.inviteUserToCompany(
                userId: admin, email: email, orgId: Fixture.siret, role: .member)
            async let signedUp = service.signup(
                email: email, password: IdentityHarness.password, name: "R", clientKey: "ip")
            let user = try await signedUp
            do { try await invited } catch let error as IdentityError {
                #expect(error == .conflict(.alreadyMember(orgId: Fixture.siret)))
            }
            #expect(try service.queries.role(userId: user.userId, orgId: Fixture.siret) == .member)
            #expect(try service.queries.invitations(email: email).isEmpty)
        }
    }
}
