import Synchronization

/// Makes request ids and decides whether a client's own id may be kept.
///
/// A made id is a random prefix drawn once per server and a counter: unique within the
/// process, and no system call per request.
final class RequestIDs: Sendable {
    private let prefix: String
    private let counter = Atomic<UInt64>(0)

    init() {
        var random = SystemRandomNumberGenerator()
        let value = random.next() as UInt64
        prefix = String(value, radix: 16).leftPadded(to: 16)
    }

    /// The client's id when it is sane, else the next made one.
    func id(offered: String?) -> String {
        if let offered, Self.isSane(offered) { return offered }
        let number = counter.add(1, ordering: .relaxed).newValue
        return prefix + "-" + String(number, radix: 16).leftPadded(to: 8)
    }

    /// 1 to 128 characters out of `[A-Za-z0-9._:-]`, so an id is safe in logs and headers.
    static func isSane(_ id: String) -> Bool {
        let bytes = id.utf8
        guard (1...128).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: ":"), UInt8(ascii: "-"):
                true
            default: false
            }
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
