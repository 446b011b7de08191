import Identity
import Testing

@Suite struct SignupTests {
    @Test func signupNormalisesTheEmailAndStoresOnlyAnArgon2idHash() async throws {
        let harness = try IdentityHarness()
        let user = try await harness.service.signup(
            email: "  Ada@Example.ORG ", password: IdentityHarness.password, name: " Ada ",
            clientKey: "ip")
        #expect(user.email == "ada@example.org")
        #expect(user.name == "Ada")
        #expect(user.passwordHash.hasPrefix("$argon2id$"))
        #expect(!user.passwordHash.contains(IdentityHarness.password))
        #expect(try harness.service.queries.user(email: "ADA@example.org") == user)
        #expect(try harness.service.queries.user(id: user.userId) == user)
        #expect(try harness.events("user-" + user.userId).map(\.type) == ["UserSignedUp"])
    }

    @Test func secondSignupWithTheSameEmailInAnotherCaseIsAConflict() async throws {
        let harness = try IdentityHarness()
        _ = try await harness.signup("ada@example.org")
        await #expect(throws: IdentityError.conflict(.emailTaken)) {
            try await harness.signup("ADA@example.org")
        }
    }

    @Test func concurrentSignupsWithOneEmailHaveOneWinner() async throws {
        let harness = try IdentityHarness()
        let service = harness.service
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    do {
                        _ = try await service.signup(
                            email: "race@example.org", password: IdentityHarness.password,
                            name: "Racer \(index)", clientKey: "ip")
                        return true
                    } catch {
                        #expect(error as? IdentityError == .conflict(.emailTaken))
                        return false
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        let claims = try harness.events(IdentityStreams.email("race@example.org"))
        #expect(claims.count == 1)
    }

    @Test func invalidSignupListsEveryFieldAtFault() async throws {
        let harness = try IdentityHarness()
        await #expect(
            throws: IdentityError.invalidInput([
                InputIssue("userInfos.email", .invalidEmail),
                InputIssue("userInfos.password", .passwordTooShort),
                InputIssue("userInfos.name", .required),
            ])
        ) {
            try await harness.service.signup(
                email: "not an email", password: "short", name: "  ", clientKey: "ip")
        }
    }

    @Test func passwordEqualToTheEmailIsRefused() async throws {
        let harness = try IdentityHarness()
        await #expect(
            throws: IdentityError.invalidInput([
                InputIssue("userInfos.password", .passwordSameAsEmail)
            ])
        ) {
            try await harness.service.signup(
                email: "ada@example.org", password: "Ada@Example.org", name: "Ada",
                clientKey: "ip")
        }
    }

    @Test func loginRefusesWrongPasswordAndUnknownEmailAlike() async throws {
        let harness = try IdentityHarness()
        _ = try await harness.signup("ada@example.org")
        await #expect(throws: IdentityError.unauthenticated(.wrongCredentials)) {
            try await harness.service.login(email: "ada@example.org", password: "wrong password!")
        }
        await #expect(throws: IdentityError.unauthenticated(.wrongCredentials)) {
            try await harness.service.login(
                email: "bob@example.org", password: IdentityHarness.password)
        }
    }

    @Test func changePasswordChecksTheOldOneAndTheRules() async throws {
        let harness = try IdentityHarness()
        let userId = try await harness.signup("ada@example.org")
        await #expect(
            throws: IdentityError.invalidInput([
                InputIssue("oldPassword", .wrongCurrentPassword),
                InputIssue("newPassword", .passwordTooShort),
            ])
        ) {
            try await harness.service.changePassword(
                userId: userId, oldPassword: "nope", newPassword: "short")
        }
        try await harness.service.changePassword(
            userId: userId, oldPassword: IdentityHarness.password, newPassword: "a new long secret")
        await #expect(throws: IdentityError.unauthenticated(.wrongCredentials)) {
            try await harness.service.login(
                email: "ada@example.org", password: IdentityHarness.password)
        }
        _ = try await harness.service.login(email: "ada@example.org", password: "a new long secret")
    }

    @Test func loginIsThrottledPerEmailFromOneClientWhileItsOwnerLogsInFromAnother() async throws {
        let harness = try IdentityHarness { $0.loginLimiter = RateLimiter(limit: 2) }
        _ = try await harness.signup("ada@example.org")
        for _ in 0..<2 { await failLogin(harness, email: "ada@example.org", from: attacker) }
        await expectThrottled(harness, retryAfter: 30, email: "ADA@example.org")
        _ = try await ownerLogin(harness, from: "198.51.100.4")
        await #expect(throws: IdentityError.unauthenticated(.wrongCredentials)) {
            try await harness.service.login(
                email: "bob@example.org", password: "whatever it is", clientKey: attacker)
        }
    }

    @Test func loginIsThrottledPerClientWhateverTheEmail() async throws {
        let harness = try IdentityHarness { $0.loginAddressLimiter = RateLimiter(limit: 3) }
        _ = try await harness.signup("ada@example.org")
        for name in ["bob", "carol", "dan"] {
            await failLogin(harness, email: "\(name)@example.org", from: attacker)
        }
        await expectThrottled(harness, retryAfter: 20, email: "ada@example.org")
        _ = try await ownerLogin(harness, from: "198.51.100.4")
    }

    private let attacker = "203.0.113.9"

    /// A login with a wrong password for `email` from `client`, which must be refused as such.
    private func failLogin(_ harness: IdentityHarness, email: String, from client: String) async {
        await #expect(throws: IdentityError.unauthenticated(.wrongCredentials)) {
            try await harness.service.login(
                email: email, password: "a guess, wrong", clientKey: client)
        }
    }

    /// Ada's right password from the attacker's address is refused as too many requests.
    private func expectThrottled(
        _ harness: IdentityHarness, retryAfter: Int, email: String
    ) async {
        await #expect(throws: IdentityError.tooManyRequests(retryAfterSeconds: retryAfter)) {
            try await harness.service.login(
                email: email, password: IdentityHarness.password, clientKey: attacker)
        }
    }

    private func ownerLogin(_ harness: IdentityHarness, from client: String) async throws -> String
    {
        try await harness.service.login(
            email: "ada@example.org", password: IdentityHarness.password, clientKey: client)
    }

    @Test func signupIsThrottledPerClientKey() async throws {
        let harness = try IdentityHarness { $0.signupLimiter = RateLimiter(limit: 1) }
        _ = try await harness.signup("ada@example.org")
        await #expect(throws: IdentityError.tooManyRequests(retryAfterSeconds: 60)) {
            try await harness.signup("bob@example.org")
        }
    }
}
