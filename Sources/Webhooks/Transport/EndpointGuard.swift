import Dispatch
import Glibc

/// Why an endpoint may not be called.
public enum EndpointRefusal: Error, Equatable, Sendable {
    /// Not an http(s) URL we can read, or longer than 300 characters.
    case malformed
    /// Plain http to a host that is not on the allowlist.
    case notHTTPS
    /// The host does not resolve.
    case unresolved(host: String)
    /// Every address of the host is of a class that is refused.
    case forbiddenAddress(host: String, AddressClass)
}

/// An endpoint checked by the SSRF guard: the address that was checked is the one the
/// transport connects to (through libcurl's `CURLOPT_RESOLVE`), so a DNS answer that changes
/// between the check and the connection cannot redirect the delivery.
public struct CheckedEndpoint: Sendable, Equatable {
    /// The URL.
    public var url: EndpointURL
    /// The numeric address to connect to (IPv6 without brackets).
    public var address: String
    /// Whether `address` is IPv6.
    public var isIPv6: Bool

    /// The `CURLOPT_RESOLVE` entry pinning the URL's host and port to `address`.
    public var resolveEntry: String {
        "\(url.host):\(url.port):" + (isIPv6 ? "[\(address)]" : address)
    }
}

/// The SSRF guard: https only, except hosts on the allowlist; the host is resolved here
/// and its addresses classified; loopback, private, link-local, shared (CGNAT), multicast,
/// unique-local and reserved addresses are refused unless the host is allowlisted.
public struct EndpointGuard: Sendable {
    /// Hosts exempt from the scheme and address checks (lower case).
    public var allowedHosts: Set<String>

    /// Makes a guard with its allowlist.
    public init(allowedHosts: Set<String>) {
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
    }

    /// Checks `text` and resolves its host, blocking the calling thread for the lookup.
    public func check(_ text: String) throws(EndpointRefusal) -> CheckedEndpoint {
        try check(try Self.parse(text))
    }

    /// `text` as an endpoint URL, at most 300 bytes long.
    static func parse(_ text: String) throws(EndpointRefusal) -> EndpointURL {
        guard text.utf8.count <= 300, let url = EndpointURL(text) else { throw .malformed }
        return url
    }

    /// Checks `url` and resolves its host, blocking the calling thread for the lookup.
    func check(_ url: EndpointURL) throws(EndpointRefusal) -> CheckedEndpoint {
        let allowed = allowedHosts.contains(url.host)
        guard url.scheme == "https" || allowed else { throw .notHTTPS }
        let addresses = Self.resolve(url.host)
        guard !addresses.isEmpty else { throw .unresolved(host: url.host) }
        var refused: AddressClass?
        for candidate in addresses {
            let kind =
                candidate.bytes.count == 4
                ? AddressClass.of(ipv4: candidate.bytes) : AddressClass.of(ipv6: candidate.bytes)
            if allowed || kind == .public {
                return CheckedEndpoint(
                    url: url, address: candidate.text, isIPv6: candidate.bytes.count == 16)
            }
            refused = refused ?? kind
        }
        throw .forbiddenAddress(host: url.host, refused ?? .reserved)
    }

    /// ``check(_:)`` on a Dispatch worker, so that a slow lookup holds no cooperative thread;
    /// on the calling thread when the host is a numeric address, which needs no lookup.
    public func checkDetached(_ text: String) async -> Result<CheckedEndpoint, EndpointRefusal> {
        let url: EndpointURL
        do throws(EndpointRefusal) {
            url = try Self.parse(text)
        } catch {
            return .failure(error)
        }
        if Self.isNumeric(url.host) {
            return Result { () throws(EndpointRefusal) in try check(url) }
        }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    returning: Result { () throws(EndpointRefusal) in try check(url) })
            }
        }
    }

    /// Whether `host` is an IPv4 or IPv6 address written out, not a name.
    static func isNumeric(_ host: String) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        return inet_pton(AF_INET, host, &buffer) == 1 || inet_pton(AF_INET6, host, &buffer) == 1
    }

    /// A resolved address: its bytes (4 or 16) and numeric text.
    struct Resolved {
        var bytes: [UInt8]
        var text: String
    }

    /// Every address `host` resolves to, in the resolver's order.
    static func resolve(_ host: String) -> [Resolved] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var found: [Resolved] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let entry = node {
            if let resolved = Self.address(entry.pointee) { found.append(resolved) }
            node = entry.pointee.ai_next
        }
        return found
    }

    private static func address(_ entry: addrinfo) -> Resolved? {
        guard let socket = entry.ai_addr else { return nil }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let bytes: [UInt8]
        switch entry.ai_family {
        case AF_INET:
            var address = UnsafeRawPointer(socket).loadUnaligned(as: sockaddr_in.self).sin_addr
            bytes = withUnsafeBytes(of: &address) { Array($0) }
            inet_ntop(AF_INET, &address, &text, socklen_t(text.count))
        case AF_INET6:
            var address = UnsafeRawPointer(socket).loadUnaligned(as: sockaddr_in6.self).sin6_addr
            bytes = withUnsafeBytes(of: &address) { Array($0) }
            inet_ntop(AF_INET6, &address, &text, socklen_t(text.count))
        default:
            return nil
        }
        let numeric = String(
            decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Resolved(bytes: bytes, text: numeric)
    }
}
