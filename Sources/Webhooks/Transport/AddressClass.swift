/// What an IP address is, for the SSRF guard: only ``public`` addresses may be reached
/// unless the host is on the allowlist.
public enum AddressClass: String, Sendable, CaseIterable {
    /// A global unicast address.
    case `public`
    /// 0.0.0.0/8, `::`.
    case unspecified
    /// 127.0.0.0/8, `::1`.
    case loopback
    /// RFC 1918: 10/8, 172.16/12, 192.168/16.
    case `private`
    /// 169.254/16, fe80::/10.
    case linkLocal
    /// RFC 6598 shared address space (carrier-grade NAT), 100.64/10.
    case sharedAddressSpace
    /// 224/4, ff00::/8.
    case multicast
    /// IPv6 unique local addresses, fc00::/7.
    case uniqueLocal
    /// Everything else that is not routed on the internet: 192.0.0/24, documentation
    /// ranges, benchmarking 198.18/15, 240/4 and broadcast, 2001:db8::/32.
    case reserved

    /// The class of an IPv4 address given as 4 bytes.
    public static func of(ipv4 a: [UInt8]) -> AddressClass {
        precondition(a.count == 4, "an IPv4 address has 4 bytes")
        switch (a[0], a[1], a[2]) {
        case (0, _, _): return .unspecified
        case (10, _, _): return .private
        case (100, 64...127, _): return .sharedAddressSpace
        case (127, _, _): return .loopback
        case (169, 254, _): return .linkLocal
        case (172, 16...31, _): return .private
        case (192, 168, _): return .private
        case (192, 0, 0), (192, 0, 2), (198, 51, 100), (203, 0, 113): return .reserved
        case (198, 18...19, _): return .reserved
        case (224...239, _, _): return .multicast
        case (240...255, _, _): return .reserved
        default: return .public
        }
    }

    /// The class of an IPv6 address given as 16 bytes; IPv4-mapped, NAT64 and 6to4
    /// addresses are classified by the IPv4 address they carry.
    public static func of(ipv6 a: [UInt8]) -> AddressClass {
        precondition(a.count == 16, "an IPv6 address has 16 bytes")
        let zeroPrefix = a[0..<10].allSatisfy { $0 == 0 }
        if zeroPrefix && a[10] == 0xFF && a[11] == 0xFF { return of(ipv4: Array(a[12..<16])) }
        if a[0..<15].allSatisfy({ $0 == 0 }) {
            return a[15] == 1 ? .loopback : a[15] == 0 ? .unspecified : .reserved
        }
        if zeroPrefix && a[10] == 0 && a[11] == 0 { return .reserved }
        let nat64: [UInt8] = [0x00, 0x64, 0xFF, 0x9B] + [UInt8](repeating: 0, count: 8)
        if Array(a[0..<12]) == nat64 { return of(ipv4: Array(a[12..<16])) }
        if a[0] == 0x20 && a[1] == 0x02 { return of(ipv4: Array(a[2..<6])) }
        if a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0D && a[3] == 0xB8 { return .reserved }
        if a[0] == 0xFF { return .multicast }
        if a[0] & 0xFE == 0xFC { return .uniqueLocal }
        if a[0] == 0xFE && a[1] & 0xC0 == 0x80 { return .linkLocal }
        return .public
    }
}
