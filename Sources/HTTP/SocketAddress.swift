import Glibc

/// A numeric IPv4 or IPv6 socket address, for binding and for naming peers.
struct SocketAddress {
    private var storage = sockaddr_storage()
    /// True for an IPv6 address.
    private(set) var isIPv6 = false

    /// Parses `host` (numeric only: no name resolution at start) with `port`.
    init?(host: String, port: Int) {
        let port = in_port_t(port).bigEndian
        let parsed = withUnsafeMutableBytes(of: &storage) { raw -> Bool? in
            if let address4 = Self.parse(host, family: AF_INET, as: in_addr.self) {
                var socket4 = sockaddr_in()
                socket4.sin_family = sa_family_t(AF_INET)
                socket4.sin_port = port
                socket4.sin_addr = address4
                raw.storeBytes(of: socket4, as: sockaddr_in.self)
                return false
            }
            if let address6 = Self.parse(host, family: AF_INET6, as: in6_addr.self) {
                var socket6 = sockaddr_in6()
                socket6.sin6_family = sa_family_t(AF_INET6)
                socket6.sin6_port = port
                socket6.sin6_addr = address6
                raw.storeBytes(of: socket6, as: sockaddr_in6.self)
                return true
            }
            return nil
        }
        guard let parsed else { return nil }
        isIPv6 = parsed
    }

    /// Calls `body` with the address as a `sockaddr` pointer.
    func withSocketAddress<T>(_ body: (UnsafePointer<sockaddr>) -> T) -> T {
        withUnsafeBytes(of: storage) {
            body($0.baseAddress!.assumingMemoryBound(to: sockaddr.self))
        }
    }

    /// `host:port`, with brackets around an IPv6 host.
    static func describe(_ address: UnsafePointer<sockaddr>?) -> String {
        guard let address else { return "" }
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                var host = $0.pointee.sin_addr
                return
                    "\(text(of: &host, family: AF_INET)):"
                    + "\(in_port_t(bigEndian: $0.pointee.sin_port))"
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                var host = $0.pointee.sin6_addr
                return
                    "[\(text(of: &host, family: AF_INET6))]:"
                    + "\(in_port_t(bigEndian: $0.pointee.sin6_port))"
            }
        default:
            return ""
        }
    }

    /// `host:port` for a host and port as configured.
    static func describe(host: String, port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    private static func parse<Address>(_ host: String, family: Int32, as: Address.Type) -> Address?
    {
        let bytes = UnsafeMutableRawPointer.allocate(
            byteCount: MemoryLayout<Address>.size, alignment: MemoryLayout<Address>.alignment)
        defer { bytes.deallocate() }
        guard inet_pton(family, host, bytes) == 1 else { return nil }
        return bytes.load(as: Address.self)
    }

    private static func text<Address>(
        of address: inout Address, family: Int32
    ) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let written = withUnsafeBytes(of: &address) {
            inet_ntop(family, $0.baseAddress, &buffer, socklen_t(buffer.count))
        }
        guard written != nil else { return "" }
        return String(
            decoding: buffer.prefix { $0 != 0 }.map(UInt8.init(bitPattern:)), as: UTF8.self)
    }
}
