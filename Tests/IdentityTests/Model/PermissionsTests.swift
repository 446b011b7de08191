import Identity
import Testing

@Suite struct PermissionsTests {
    @Test func everyRoleReadsBSDsAndTheCompany() {
        for role in Role.allCases {
            #expect(
                Permissions.permissions(for: role).isSuperset(of: [
                    .bsdCanRead, .bsdCanList, .companyCanRead,
                ]))
        }
    }

    @Test func driverSignsTransportButNeitherCreatesNorReadsTheRegistry() {
        let driver = Permissions.permissions(for: .driver)
        #expect(driver.isSuperset(of: [.bsdCanUpdate, .bsdCanSignTransport, .bsdCanSignDelivery]))
        #expect(
            driver.isDisjoint(with: [
                .bsdCanCreate, .bsdCanDelete, .registryCanRead, .bsdCanSignEmission,
            ]))
        #expect(driver.count == 6)
    }

    @Test func readerOnlyReads() {
        #expect(
            Permissions.permissions(for: .reader)
                == [.bsdCanRead, .bsdCanList, .companyCanRead, .registryCanRead])
    }

    @Test func memberDoesEverythingButManageTheCompany() {
        let member = Permissions.permissions(for: .member)
        let adminOnly: Set<Permission> = [
            .companyCanUpdate, .companyCanVerify, .companyCanManageSignatureAutomation,
            .companyCanManageMembers, .companyCanRenewSecurityCode,
            .companyCanManageRegistryDelegation,
        ]
        #expect(member.isDisjoint(with: adminOnly))
        #expect(member.union(adminOnly) == Set(Permission.allCases))
        #expect(Permissions.permissions(for: .admin) == Set(Permission.allCases))
    }

    @Test func nonMemberCanNothing() {
        for permission in Permission.allCases { #expect(!Permissions.can(nil, permission)) }
    }

    @Test func queriesAnswerCanForAMember() async throws {
        let harness = try IdentityHarness()
        let admin = try await harness.signup("admin@example.org")
        let driver = try await harness.signup("driver@example.org")
        _ = try await harness.company(by: admin)
        try await harness.service.inviteUserToCompany(
            userId: admin, email: "driver@example.org", orgId: Fixture.siret, role: .driver)
        let queries = harness.service.queries
        #expect(try queries.can(driver, .bsdCanSignTransport, on: Fixture.siret))
        #expect(try !queries.can(driver, .bsdCanCreate, on: Fixture.siret))
        #expect(try !queries.can(driver, .bsdCanRead, on: Fixture.otherSiret))
    }
}
