import Identity
import Testing

@Suite struct PasswordHashingTests {
    @Test func hashVerifiesOnlyTheRightPassword() throws {
        let hashing = PasswordHashing.testingMinimum
        let hash = try hashing.hash("pässwörd with ünïcode")
        #expect(PasswordHashing.verify("pässwörd with ünïcode", against: hash))
        #expect(!PasswordHashing.verify("passwörd with ünïcode", against: hash))
        #expect(!PasswordHashing.verify("pässwörd with ünïcode", against: "$argon2id$garbage"))
        #expect(try hashing.hash("same") != hashing.hash("same"))
    }

    @Test func productionDefaultIsLibsodiumsInteractiveArgon2id() throws {
        let configuration = IdentityConfiguration()
        #expect(configuration.passwordHashing == .interactive)
        #expect(configuration.passwordHashing.operations == 2)
        #expect(configuration.passwordHashing.memoryBytes == 64 << 20)
        let hash = try PasswordHashing.interactive.hash("a production password")
        #expect(hash.hasPrefix("$argon2id$v=19$m=65536,t=2,p=1$"))
        #expect(PasswordHashing.verify("a production password", against: hash))
    }
}
