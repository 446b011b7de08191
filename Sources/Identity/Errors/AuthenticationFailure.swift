/// Why credentials were refused.
public enum AuthenticationFailure: Error, Equatable, Sendable {
    /// Unknown email or wrong password (deliberately not told apart).
    case wrongCredentials
    /// A JWT past its `exp` (or before its `nbf`).
    case expired
    /// A personal access token that was revoked.
    case revoked
    /// A JWT whose signature does not match its content.
    case forgedSignature
    /// A JWT signed with another algorithm than HS256, `none` included.
    case unsupportedAlgorithm(String)
    /// Not a JWT nor an access token, or a JWT whose parts cannot be read.
    case malformed
    /// A well-formed token that matches no account or no stored token.
    case unknownToken
}
