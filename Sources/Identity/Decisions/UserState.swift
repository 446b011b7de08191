/// An account folded from its `user-<id>` stream.
public struct UserState: Equatable, Sendable {
    /// A personal access token as the account knows it.
    public struct Token: Equatable, Sendable {
        /// What the user called it.
        public var description: String
        /// The keyed hash of the token, hex.
        public var tokenHash: String
        /// When it was created.
        public var createdAt: Int64
        /// When it was revoked, if it was.
        public var revokedAt: Int64?
        /// The start of the last hour it was used in.
        public var lastUsedHour: Int64?
    }

    /// The user's id; empty before signup.
    public var userId = ""
    /// The normalised email.
    public var email = ""
    /// The display name.
    public var name = ""
    /// The encoded argon2id hash.
    public var passwordHash = ""
    /// When the account was created.
    public var createdAt: Int64 = 0
    /// Tokens by id.
    public var tokens: [String: Token] = [:]
    /// The stream's last version; nil while the stream is empty.
    public var version: UInt64?

    /// An account that does not exist yet.
    public init() {}

    /// Whether the account exists.
    public var exists: Bool { version != nil }

    /// Applies one event of the stream (events of other streams are ignored).
    public mutating func evolve(_ event: IdentityEvent) {
        switch event {
        case .userSignedUp(let userId, let email, let name, let passwordHash, let at):
            self.userId = userId
            self.email = email
            self.name = name
            self.passwordHash = passwordHash
            createdAt = at
        case .passwordChanged(_, let passwordHash, _):
            self.passwordHash = passwordHash
        case .accessTokenCreated(_, let tokenId, let description, let tokenHash, let at):
            tokens[tokenId] = Token(
                description: description, tokenHash: tokenHash, createdAt: at)
        case .accessTokenRevoked(_, let tokenId, let at):
            tokens[tokenId]?.revokedAt = at
        case .accessTokenUsed(_, let tokenId, let hour):
            tokens[tokenId]?.lastUsedHour = hour
        default:
            return
        }
    }
}
