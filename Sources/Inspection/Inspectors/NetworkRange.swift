import Glibc

/// An IPv4 or IPv6 network in CIDR notation (`192.0.2.0/24`, `2001:db8::/32`; a bare
/// address is a network of one). IPv4 addresses written as IPv4-mapped IPv6
/// (`::ffff:192.0.2.7`) are matched as IPv4, since a dual-stack socket reports them so.
public struct NetworkRange: Hashable, Sendable, CustomStringConvertible {
    /// The network's address bytes (4 or 16), host bits cleared.
    let network: [UInt8]
    /// The prefix length in bits.
    let prefixLength: Int

    /// Parses `text`; nil when it is not an address with an optional `/length` that fits.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let bytes = Self.address(String(parts[0])) else { return nil }
        let width = bytes.count * 8
        var length = width
        if parts.count == 2 {
            guard let given = Int(parts[1]), (0...width).contains(given),
                parts[1].allSatisfy(\.isASCII)
            else { return nil }
            length = given
        }
        network = Self.masked(bytes, length)
        prefixLength = length
    }

    /// The canonical text: the network address and its prefix length.
    public var description: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = network.count == 4 ? AF_INET : AF_INET6
        _ = network.withUnsafeBytes {
            inet_ntop(family, $0.baseAddress, &buffer, socklen_t(buffer.count))
        }
        let text = buffer.withUnsafeBufferPointer { pointer in
            String(
                decoding: pointer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return "\(text)/\(prefixLength)"
    }

    /// Whether the address `text` (a numeric host, as the HTTP layer reports the peer) is in
    /// this network; false for anything unreadable.
    public func contains(_ text: String) -> Bool {
        guard let bytes = Self.address(text), bytes.count == network.count else { return false }
        return Self.masked(bytes, prefixLength) == network
    }

    /// The bytes of a numeric IPv4 or IPv6 address, IPv4-mapped IPv6 as IPv4; nil otherwise.
    static func address(_ text: String) -> [UInt8]? {
        var four = [UInt8](repeating: 0, count: 4)
        if inet_pton(AF_INET, text, &four) == 1 { return four }
        var sixteen = [UInt8](repeating: 0, count: 16)
        guard inet_pton(AF_INET6, text, &sixteen) == 1 else { return nil }
        let mapped = [UInt8](repeating: 0, count: 10) + [0xFF, 0xFF]
        return Array(sixteen[..<12]) == mapped ? Array(sixteen[12...]) : sixteen
    }

    /// `bytes` with every bit past the first `length` cleared.
    static func masked(_ bytes: [UInt8], _ length: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let kept = max(0, min(8, length - index * 8))
            return kept == 8 ? byte : byte & ~(UInt8(0xFF) >> kept)
        }
    }
}
