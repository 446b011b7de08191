/// What a role allows on a company's data (reference §5); raw values are the reference's names.
public enum Permission: String, CaseIterable, Sendable {
    /// Read a BSD.
    case bsdCanRead = "BsdCanRead"
    /// List BSDs.
    case bsdCanList = "BsdCanList"
    /// Read the company's profile.
    case companyCanRead = "CompanyCanRead"
    /// Read the registry.
    case registryCanRead = "RegistryCanRead"
    /// Update a BSD (for a driver: plates).
    case bsdCanUpdate = "BsdCanUpdate"
    /// Sign a transport.
    case bsdCanSignTransport = "BsdCanSign:Transport"
    /// Sign a delivery.
    case bsdCanSignDelivery = "BsdCanSign:Delivery"
    /// Create a BSD.
    case bsdCanCreate = "BsdCanCreate"
    /// Delete a BSD.
    case bsdCanDelete = "BsdCanDelete"
    /// Sign an emission.
    case bsdCanSignEmission = "BsdCanSign:Emission"
    /// Sign works.
    case bsdCanSignWork = "BsdCanSign:Work"
    /// Sign an acceptation.
    case bsdCanSignAcceptation = "BsdCanSign:Acceptation"
    /// Sign an operation.
    case bsdCanSignOperation = "BsdCanSign:Operation"
    /// Ask for or approve a revision.
    case bsdCanRevise = "BsdCanRevise"
    /// Import into the registry.
    case registryCanImport = "RegistryCanImport"
    /// Update the company's profile.
    case companyCanUpdate = "CompanyCanUpdate"
    /// Verify the company.
    case companyCanVerify = "CompanyCanVerify"
    /// Manage signature automation.
    case companyCanManageSignatureAutomation = "CompanyCanManageSignatureAutomation"
    /// Invite, remove and change the role of members.
    case companyCanManageMembers = "CompanyCanManageMembers"
    /// Renew the security code.
    case companyCanRenewSecurityCode = "CompanyCanRenewSecurityCode"
    /// Manage registry delegations.
    case companyCanManageRegistryDelegation = "CompanyCanManageRegistryDelegation"
}

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
