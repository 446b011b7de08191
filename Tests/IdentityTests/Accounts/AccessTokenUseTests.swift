import Identity
import Testing

@Suite struct AccessTokenUseTests {
    @Test func onlyTheKeyedHashOfATokenIsStored() async throws {
        let harness = try IdentityHarness()
        let userId = try await harness.signup("ada@example.org")
        let created = try await harness.service.createAccessToken(userId: userId, description: "CI")
        let stored = try harness.ledger.readStream("user-" + userId)
        for event in stored {
            #expect(!String(decoding: event.payload, as: UTF8.self).contains(created.token))
        }
        guard
            case .accessTokenCreated(_, _, _, let hash, _) = try harness.events("user-" + userId)[1]
        else {
            Issue.record("expected AccessTokenCreated")
            return
        }
        #expect(hash.count == 64)
    }

    @Test func lastUseIsRecordedOncePerHour() async throws {
        let harness = try IdentityHarness()
        let userId = try await harness.signup("ada@example.org")
        let created = try await harness.service.createAccessToken(userId: userId, description: "CI")
        let service = harness.service
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<10 {
                group.addTask { _ = try await service.verify(bearer: created.token) }
            }
            try await group.waitForAll()
        }
        harness.clock.advance(seconds: 600)
        _ = try await service.verify(bearer: created.token)
        harness.clock.advance(seconds: 3600)
        _ = try await service.verify(bearer: created.token)
        let uses = try harness.events("user-" + userId).filter { $0.type == "AccessTokenUsed" }
        #expect(uses.count == 2)
        let listed = try harness.service.queries.accessTokens(userId: userId)
        #expect(listed.map(\.tokenId) == [created.id])
        #expect(listed.first?.lastUsedAt == UserDecider.hour(of: harness.clock.now))
        #expect(listed.first?.revoked == false)
    }

    @Test func anotherUsersTokenCannotBeRevoked() async throws {
        let harness = try IdentityHarness()
        let ada = try await harness.signup("ada@example.org")
        let eve = try await harness.signup("eve@example.org")
        let created = try await harness.service.createAccessToken(userId: ada, description: "CI")
        await #expect(throws: IdentityError.notFound(.accessToken, id: created.id)) {
            try await harness.service.revokeAccessToken(userId: eve, tokenId: created.id)
        }
        #expect(try await harness.service.verify(bearer: created.token) == ada)
    }

    @Test func blankDescriptionIsRefused() async throws {
        let harness = try IdentityHarness()
        let userId = try await harness.signup("ada@example.org")
        await #expect(
            throws: IdentityError.invalidInput([InputIssue("input.description", .required)])
        ) {
            try await harness.service.createAccessToken(userId: userId, description: " ")
        }
    }
}
