import CanonicalJSON

/// HS256 JSON web tokens, issued and verified by hand with libsodium's HMAC-SHA-256.
///
/// Verification refuses, in this order: anything that is not three base64url parts
/// (malformed), a header whose `alg` is not exactly `HS256` (`none` included), a signature
/// that does not match (compared in constant time), unreadable claims, a missing `sub`, and a
/// time outside `nbf`…`exp`.
struct JSONWebToken: Sendable {
    let key: [UInt8]

    private static let header = Sodium.base64URL(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))

    /// A token for `subject`, issued at `now` (seconds) and valid for `lifetime` seconds.
    func issue(subject: String, now: Int64, lifetime: Int64) -> String {
        let claims: JSONValue = [
            "sub": .string(subject), "iat": .int(now), "exp": .int(now + lifetime),
        ]
        let signed = Self.header + "." + Sodium.base64URL(CanonicalJSON.encode(claims))
        return signed + "." + Sodium.base64URL(Sodium.hmacSHA256(Array(signed.utf8), key: key))
    }

    /// The subject of a valid token at `now` (seconds).
    func verify(_ token: String, now: Int64) throws(AuthenticationFailure) -> String {
        try verifiedClaims(token, now: now).subject
    }

    /// The subject and expiry (seconds since the epoch) of a valid token.
    func verifiedClaims(
        _ token: String, now: Int64
    ) throws(AuthenticationFailure) -> (subject: String, expiry: Int64) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty,
            let header = Self.object(parts[0])
        else { throw .malformed }
        guard let algorithm = header["alg"]?.stringValue else { throw .malformed }
        guard algorithm == "HS256" else { throw .unsupportedAlgorithm(algorithm) }
        if let type = header["typ"], type.stringValue?.uppercased() != "JWT" { throw .malformed }
        guard let signature = Sodium.decodeBase64URL(parts[2]) else { throw .malformed }
        let signed = Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        let expected = Sodium.hmacSHA256(signed, key: key)
        guard Sodium.constantTimeEqual(signature, expected) else { throw .forgedSignature }
        guard let claims = Self.object(parts[1]) else { throw .malformed }
        guard let subject = claims["sub"]?.stringValue, !subject.isEmpty,
            let expiry = claims["exp"]?.intValue
        else { throw .malformed }
        if let notBefore = claims["nbf"] {
            guard let start = notBefore.intValue else { throw .malformed }
            if now < start { throw .expired }
        }
        guard now < expiry else { throw .expired }
        return (subject, Int64(expiry))
    }

    /// A base64url part holding a JSON object, or nil.
    private static func object(_ part: Substring) -> JSONValue? {
        guard let bytes = Sodium.decodeBase64URL(part),
            let value = try? CanonicalJSON.decode(JSONValue.self, from: bytes),
            case .object = value
        else { return nil }
        return value
    }
}
