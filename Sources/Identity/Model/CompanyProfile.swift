/// What identifies and describes a company: its org id (SIRET, or VAT number for a foreign
/// company), name, address and activity profiles.
public struct CompanyProfile: Equatable, Sendable {
    /// The SIRET when French, else the cleaned VAT number; the company's key everywhere.
    public var orgId: String
    /// The SIRET of a French company.
    public var siret: String?
    /// The VAT number of a foreign company.
    public var vatNumber: String?
    /// The company's name.
    public var name: String
    /// The postal address, one line.
    public var address: String
    /// The activity profiles.
    public var companyTypes: [CompanyType]

    /// Makes a profile.
    public init(
        orgId: String, siret: String?, vatNumber: String?, name: String, address: String,
        companyTypes: [CompanyType]
    ) {
        self.orgId = orgId
        self.siret = siret
        self.vatNumber = vatNumber
        self.name = name
        self.address = address
        self.companyTypes = companyTypes
    }
}
