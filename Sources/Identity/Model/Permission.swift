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
