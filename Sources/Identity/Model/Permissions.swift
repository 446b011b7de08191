/// The permission matrix of reference §5, as pure functions.
public enum Permissions {
    private static let reading: Set<Permission> = [.bsdCanRead, .bsdCanList, .companyCanRead]
    private static let driving: Set<Permission> = [
        .bsdCanUpdate, .bsdCanSignTransport, .bsdCanSignDelivery,
    ]
    private static let working: Set<Permission> = [
        .registryCanRead, .bsdCanUpdate, .bsdCanSignTransport, .bsdCanSignDelivery,
        .bsdCanCreate, .bsdCanDelete, .bsdCanSignEmission, .bsdCanSignWork,
        .bsdCanSignAcceptation, .bsdCanSignOperation, .bsdCanRevise, .registryCanImport,
    ]
    private static let administering: Set<Permission> = [
        .companyCanUpdate, .companyCanVerify, .companyCanManageSignatureAutomation,
        .companyCanManageMembers, .companyCanRenewSecurityCode,
        .companyCanManageRegistryDelegation,
    ]

    /// What `role` may do. A DRIVER gets neither `BsdCanCreate`, `BsdCanDelete` nor
    /// `RegistryCanRead`, as in the reference's code (its documentation says otherwise).
    public static func permissions(for role: Role) -> Set<Permission> {
        switch role {
        case .reader: reading.union([.registryCanRead])
        case .driver: reading.union(driving)
        case .member: reading.union(working)
        case .admin: reading.union(working).union(administering)
        }
    }

    /// Whether a user holding `role` in a company (nil: not a member) has `permission` there.
    public static func can(_ role: Role?, _ permission: Permission) -> Bool {
        guard let role else { return false }
        return permissions(for: role).contains(permission)
    }
}
