import Glibc
import Identity
import Logging
import Testing

@Suite struct InstanceSecretsTests {
    @Test func secretsFileIsCreatedOnceWithMode0600() throws {
        let folder = ScratchFolder()
        let logger = Logger.discarding(label: "test")
        let first = try InstanceSecrets.loadOrCreate(in: folder.path, logger: logger)
        let again = try InstanceSecrets.loadOrCreate(in: folder.path, logger: logger)
        #expect(first == again)
        #expect(first.jwtKey != first.tokenHashKey)
        var info = stat()
        #expect(stat(folder.path + "/" + InstanceSecrets.fileName, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(InstanceSecrets.generate() != first)
    }

    @Test func damagedSecretsFileIsRefused() throws {
        let folder = ScratchFolder()
        let path = folder.path + "/" + InstanceSecrets.fileName
        let file = fopen(path, "w")
        fputs("bsd-ledger-identity-secrets/1\njwt=00\ntoken-hash=00\n", file)
        fclose(file)
        #expect(throws: IdentityError.self) {
            try InstanceSecrets.loadOrCreate(in: folder.path, logger: .discarding(label: "test"))
        }
    }

    @Test func tokensIssuedBeforeARestartStillVerify() async throws {
        let harness = try IdentityHarness()
        let userId = try await harness.signup("ada@example.org")
        let jwt = try await harness.service.login(
            email: "ada@example.org", password: IdentityHarness.password)
        let token = try await harness.service.createAccessToken(userId: userId, description: "CI")
        try harness.restart()
        #expect(try await harness.service.verify(bearer: jwt) == userId)
        #expect(try await harness.service.verify(bearer: token.token) == userId)
        #expect(try harness.service.queries.user(email: "ada@example.org")?.userId == userId)
    }

    @Test func processesStartingTogetherAgreeOnOneSecretsFile() async throws {
        let folder = ScratchFolder()
        let path = folder.path
        let loaded = try await withThrowingTaskGroup(of: InstanceSecrets.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try InstanceSecrets.loadOrCreate(in: path, logger: .discarding(label: "test"))
                }
            }
            return try await group.reduce(into: [InstanceSecrets]()) { $0.append($1) }
        }
        #expect(Set(loaded.map(\.jwtKey)).count == 1)
        #expect(Set(loaded.map(\.tokenHashKey)).count == 1)
    }
}
