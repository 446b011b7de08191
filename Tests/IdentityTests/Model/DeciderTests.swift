import Identity
import Testing

/// The deciders are pure: states in, events out, no ledger.
@Suite struct DeciderTests {
    private func company(members: [String: Role]) -> CompanyState {
        var state = CompanyState()
        let profile = CompanyProfile(
            orgId: Fixture.siret, siret: Fixture.siret, vatNumber: nil, name: "N", address: "A",
            companyTypes: [.producer])
        state.evolve(.companyCreated(profile, createdBy: "a", securityCode: "1234", at: 0))
        for (userId, role) in members {
            state.evolve(
                .memberAdded(orgId: Fixture.siret, userId: userId, role: role, viaInvitation: nil))
        }
        state.version = UInt64(members.count)
        return state
    }

    @Test func signupOnAnUnusedEmailExpectsNoStreams() throws {
        let input = try UserDecider.validateSignup(
            email: "A@B.fr", password: "long enough pw", name: "A")
        let decision = try UserDecider.signup(
            input, userId: "u1", passwordHash: "h", at: 7, email: EmailState(), invitations: [:])
        #expect(decision.parts.map(\.stream) == [IdentityStreams.email("a@b.fr"), "user-u1"])
        #expect(decision.parts.map(\.expected) == [.noStream, .noStream])
    }

    @Test func signupWithPendingInvitationsJoinsEachCompanyAtItsReadVersion() throws {
        let input = try UserDecider.validateSignup(
            email: "c@d.fr", password: "long enough pw", name: "C")
        var email = EmailState()
        email.evolve(.emailInvited(email: "c@d.fr", orgId: Fixture.siret))
        email.version = 0
        var inviting = company(members: ["a": .admin])
        inviting.evolve(
            .userInvited(orgId: Fixture.siret, email: "c@d.fr", role: .driver, invitedBy: "a"))
        inviting.version = 2
        let decision = try UserDecider.signup(
            input, userId: "u2", passwordHash: "h", at: 7, email: email,
            invitations: [Fixture.siret: inviting])
        #expect(decision.parts.map(\.expected) == [.exact(0), .noStream, .exact(2)])
        #expect(
            decision.parts[2].events == [
                .memberAdded(
                    orgId: Fixture.siret, userId: "u2", role: .driver, viaInvitation: "c@d.fr")
            ])
        var joined = inviting
        for event in decision.parts[2].events { joined.evolve(event) }
        #expect(joined.members["u2"] == .driver)
        #expect(joined.invitations.isEmpty)
    }

    @Test func demotingOneOfTwoAdminsIsAllowed() throws {
        let state = company(members: ["a": .admin, "b": .admin])
        let decision = try CompanyDecider.changeRole(of: "a", to: .member, in: state, by: "b")
        #expect(
            decision.events == [
                .memberRoleChanged(orgId: Fixture.siret, userId: "a", role: .member)
            ])
        #expect(decision.parts[0].expected == .exact(2))
    }

    @Test func sameRoleAgainDecidesNothing() throws {
        let state = company(members: ["a": .admin, "b": .member])
        #expect(
            try CompanyDecider.changeRole(of: "b", to: .member, in: state, by: "a").parts.isEmpty)
    }

    @Test func memberCannotUpdateTheCompany() {
        let state = company(members: ["a": .admin, "b": .member])
        #expect(
            throws: IdentityError.forbidden(permission: .companyCanUpdate, orgId: Fixture.siret)
        ) {
            try CompanyDecider.update(
                state, by: "b", changes: CompanyChanges(name: "X"), receiptExists: false, at: 0)
        }
    }

    @Test func hourRoundsDown() {
        #expect(UserDecider.hour(of: 7_199_999_999) == 3_600_000_000)
        #expect(UserDecider.hour(of: 7_200_000_000) == 7_200_000_000)
    }
}
