import Domain

/// An inspector's rights as folded from the `inspectors` stream (reference §5, public
/// authorities): read every BSD and register, from the listed networks only, for the listed
/// companies or for all.
public struct InspectorGrant: Equatable, Sendable {
    /// The user account the rights belong to.
    public var userId: String
    /// The account's email, as given when granted.
    public var email: String
    /// The inspector's name, as given when granted.
    public var name: String
    /// Where requests must come from; an empty list allows no address.
    public var networks: [NetworkRange]
    /// The companies the inspector may control; nil: every company.
    public var orgIds: Set<String>?
    /// When the last grant was recorded (µs).
    public var grantedAt: Int64
    /// When the rights were revoked (µs); nil while active.
    public var revokedAt: Int64?

    /// Whether the rights are in force.
    public var isActive: Bool { revokedAt == nil }

    /// Whether a request from `address` (the peer's numeric host) may use the rights.
    public func allows(address: String) -> Bool {
        networks.contains { $0.contains(address) }
    }

    /// Whether the inspector may control company `orgId`.
    public func covers(_ orgId: String) -> Bool {
        orgIds?.contains(orgId) ?? true
    }

    /// Whether the inspector may control at least one of `orgIds` (a BSD names several).
    public func coversAny(_ candidates: some Sequence<String>) -> Bool {
        guard let orgIds else { return true }
        return candidates.contains { orgIds.contains($0) }
    }

    /// Whether `text` may name a company: a valid SIRET or a valid VAT number.
    public static func isOrgId(_ text: String) -> Bool {
        SIRET.isValid(text) || VATNumber.isValid(text)
    }

    /// The grants after `event`, keyed by user id. A grant replaces the previous one; a
    /// revocation of an unknown inspector changes nothing.
    static func evolve(_ grants: inout [String: InspectorGrant], _ event: InspectorEvent) {
        switch event {
        case .granted(let userId, let email, let name, let networks, let orgIds, let at):
            grants[userId] = InspectorGrant(
                userId: userId, email: email, name: name,
                networks: networks.compactMap(NetworkRange.init), orgIds: orgIds.map(Set.init),
                grantedAt: at, revokedAt: nil)
        case .revoked(let userId, let at):
            grants[userId]?.revokedAt = at
        }
    }
}
