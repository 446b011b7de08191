/// A user's role in a company (reference §5); the raw value is the API's enum value.
public enum Role: String, CaseIterable, Sendable, Comparable {
    /// Reads BSDs, the company and its registry.
    case reader = "READER"
    /// A transporter's driver: reads, updates plates, signs transport and delivery.
    case driver = "DRIVER"
    /// Everything on BSDs and the registry, nothing on the company itself.
    case member = "MEMBER"
    /// Everything, including members, the security code and the company's profile.
    case admin = "ADMIN"

    private var rank: Int {
        switch self {
        case .reader: 0
        case .driver: 1
        case .member: 2
        case .admin: 3
        }
    }

    /// Orders roles by how much they may do.
    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
