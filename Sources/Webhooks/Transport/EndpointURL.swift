/// The parts of an endpoint URL the SSRF guard and the transport need, read strictly: an
/// `http` or `https` scheme, a host (name or IP literal, IPv6 in brackets), an optional
/// port, no user information, no whitespace or control characters.
public struct EndpointURL: Sendable, Equatable {
    /// `http` or `https`, lower case.
    public var scheme: String
    /// The host in lower case, without brackets for IPv6.
    public var host: String
    /// The port, explicit or the scheme's default.
    public var port: Int
    /// The URL as given.
    public var text: String

    /// Reads `text`, or nil when it is not an acceptable http(s) URL.
    public init?(_ text: String) {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }),
            let separator = text.firstRange(of: "://")
        else { return nil }
        scheme = text[..<separator.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = text[separator.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        var hostPart = Substring(authority)
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return nil }
                portText = after.dropFirst()
            }
        } else if let colon = authority.firstIndex(of: ":") {
            hostPart = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        guard !hostPart.isEmpty else { return nil }
        host = hostPart.lowercased()
        if let portText {
            guard let value = Int(portText), (1...65_535).contains(value) else { return nil }
            port = value
        } else {
            port = scheme == "https" ? 443 : 80
        }
        self.text = text
    }
}
