import CanonicalJSON
import Identity
import Testing

/// `verify(bearer:)` over JWTs and personal access tokens: one test per refusal reason.
@Suite struct BearerVerificationTests {
    private func base64URL(_ text: String) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let bytes = Array(text.utf8)
        var out = ""
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value = 0
            for byte in chunk { value = value << 8 | Int(byte) }
            value <<= 8 * (3 - chunk.count)
            for position in 0...chunk.count {
                out.append(table[(value >> (18 - 6 * position)) & 63])
            }
            index += 3
        }
        return out
    }

    private func parts(_ token: String) -> [String] {
        token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func loginTokenVerifiesToTheUserId() async throws {
        let harness = try IdentityHarness()
        let userId = try await harness.signup("ada@example.org")
        let token = try await harness.service.login(
            email: "ada@example.org", password: IdentityHarness.password)
        #expect(try await harness.service.verify(bearer: token) == userId)
        #expect(try await harness.service.verify(bearer: "Bearer " + token) == userId)
    }

    @Test func loginTokenCarriesSubIatAndA24HourExp() async throws {
        let harness = try IdentityHarness()
        let userId = try await harness.signup("ada@example.org")
        let token = try await harness.service.login(
            email: "ada@example.org", password: IdentityHarness.password)
        let segments = parts(token)
        #expect(segments.count == 3)
        #expect(segments[0] == base64URL(#"{"alg":"HS256","typ":"JWT"}"#))
        let now = harness.clock.now / 1_000_000
        #expect(
            segments[1] == base64URL(#"{"exp":\#(now + 86_400),"iat":\#(now),"sub":"\#(userId)"}"#))
    }

    @Test func expiredTokenIsRefused() async throws {
        let harness = try IdentityHarness()
        _ = try await harness.signup("ada@example.org")
        let token = try await harness.service.login(
            email: "ada@example.org", password: IdentityHarness.password)
        harness.clock.advance(seconds: 86_399)
        _ = try await harness.service.verify(bearer: token)
        harness.clock.advance(seconds: 1)
        await #expect(throws: IdentityError.unauthenticated(.expired)) {
            try await harness.service.verify(bearer: token)
        }
    }

    @Test func tokenWithChangedClaimsHasAForgedSignature() async throws {
        let harness = try IdentityHarness()
        _ = try await harness.signup("ada@example.org")
        let other = try await harness.signup("eve@example.org")
        let token = try await harness.service.login(
            email: "ada@example.org", password: IdentityHarness.password)
        let segments = parts(token)
        let exp = harness.clock.now / 1_000_000 + 86_400
        let claims = base64URL(#"{"exp":\#(exp),"sub":"\#(other)"}"#)
        let forged = [segments[0], claims, segments[2]].joined(separator: ".")
        await #expect(throws: IdentityError.unauthenticated(.forgedSignature)) {
            try await harness.service.verify(bearer: forged)
        }
    }

    @Test func tokenSignedWithAnotherKeyHasAForgedSignature() async throws {
        let harness = try IdentityHarness()
        _ = try await harness.signup("ada@example.org")
        let token = try await harness.service.login(
            email: "ada@example.org", password: IdentityHarness.password)
        let elsewhere = try IdentityHarness()
        await #expect(throws: IdentityError.unauthenticated(.forgedSignature)) {
            try await elsewhere.service.verify(bearer: token)
        }
    }

    @Test func algNoneIsRefused() async throws {
        let harness = try IdentityHarness()
        let userId = try await harness.signup("ada@example.org")
        let exp = harness.clock.now / 1_000_000 + 3600
        let header = base64URL(#"{"alg":"none","typ":"JWT"}"#)
        let claims = base64URL(#"{"exp":\#(exp),"sub":"\#(userId)"}"#)
        for token in [header + "." + claims + ".", header + "." + claims + ".c2ln"] {
            await #expect(throws: IdentityError.unauthenticated(.unsupportedAlgorithm("none"))) {
                try await harness.service.verify(bearer: token)
            }
        }
    }

    @Test(arguments: ["HS512", "RS256", "hs256", "ES256"])
    func anyOtherAlgorithmIsRefused(algorithm: String) async throws {
        let harness = try IdentityHarness()
        _ = try await harness.signup("ada@example.org")
        let token = try await harness.service.login(
            email: "ada@example.org", password: IdentityHarness.password)
        let segments = parts(token)
        let header = base64URL(#"{"alg":"\#(algorithm)","typ":"JWT"}"#)
        let changed = [header, segments[1], segments[2]].joined(separator: ".")
        await #expect(throws: IdentityError.unauthenticated(.unsupportedAlgorithm(algorithm))) {
            try await harness.service.verify(bearer: changed)
        }
    }

    @Test(arguments: [
        "", "abc", "a.b", "a.b.c.d", "!!!.???.***", "eyJhbGciOiJIUzI1NiJ9..sig",
        "bm90IGpzb24.e30.c2ln", "W10.e30.c2ln", "eyJ0eXAiOiJKV1QifQ.e30.c2ln",
    ])
    func malformedBearerIsRefused(bearer: String) async throws {
        let harness = try IdentityHarness()
        await #expect(throws: IdentityError.unauthenticated(.malformed)) {
            try await harness.service.verify(bearer: bearer)
        }
    }

    @Test func validJWTForAnUnknownUserIsAnUnknownToken() async throws {
        let harness = try IdentityHarness()
        let token = harness.service.issueJWT(for: "no-such-user")
        await #expect(throws: IdentityError.unauthenticated(.unknownToken)) {
            try await harness.service.verify(bearer: token)
        }
    }

    @Test func unknownAccessTokenIsRefused() async throws {
        let harness = try IdentityHarness()
        await #expect(throws: IdentityError.unauthenticated(.unknownToken)) {
            try await harness.service.verify(bearer: String(repeating: "A", count: 40))
        }
    }

    @Test func accessTokenVerifiesUntilRevoked() async throws {
        let harness = try IdentityHarness()
        let userId = try await harness.signup("ada@example.org")
        let created = try await harness.service.createAccessToken(
            userId: userId, description: " CI ")
        #expect(created.token.count == 40)
        #expect(created.description == "CI")
        #expect(try await harness.service.verify(bearer: created.token) == userId)
        try await harness.service.revokeAccessToken(userId: userId, tokenId: created.id)
        await #expect(throws: IdentityError.unauthenticated(.revoked)) {
            try await harness.service.verify(bearer: created.token)
        }
        await #expect(throws: IdentityError.conflict(.alreadyRevoked(tokenId: created.id))) {
            try await harness.service.revokeAccessToken(userId: userId, tokenId: created.id)
        }
    }
}
