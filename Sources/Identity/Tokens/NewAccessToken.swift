/// A freshly created personal access token: the only time its text is seen.
public struct NewAccessToken: Equatable, Sendable {
    /// The token's id, for `revokeAccessToken`.
    public var id: String
    /// The 40-character token.
    public var token: String
    /// What the user called it.
    public var description: String
}
