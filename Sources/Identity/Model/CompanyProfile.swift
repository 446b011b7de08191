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

/// The members of a company's profile that an update changes; nil members stay as they were.
public struct CompanyChanges: Equatable, Sendable {
    /// A new name.
    public var name: String?
    /// A new address.
    public var address: String?
    /// New activity profiles.
    public var companyTypes: [CompanyType]?
    /// The transporter receipt to link.
    public var transporterReceiptId: String?

    /// Makes a change set.
    public init(
        name: String? = nil, address: String? = nil, companyTypes: [CompanyType]? = nil,
        transporterReceiptId: String? = nil
    ) {
        self.name = name
        self.address = address
        self.companyTypes = companyTypes
        self.transporterReceiptId = transporterReceiptId
    }

    /// Whether nothing changes.
    public var isEmpty: Bool {
        name == nil && address == nil && companyTypes == nil && transporterReceiptId == nil
    }
}

/// A transporter's receipt (récépissé), from which BSDs take their receipt fields.
public struct TransporterReceipt: Equatable, Sendable {
    /// The receipt's id.
    public var id: String
    /// The receipt number.
    public var receiptNumber: String
    /// The last day of validity, `YYYY-MM-DD`.
    public var validityLimit: String
    /// The department code of the prefecture that issued it.
    public var department: String

    /// Makes a receipt.
    public init(id: String, receiptNumber: String, validityLimit: String, department: String) {
        self.id = id
        self.receiptNumber = receiptNumber
        self.validityLimit = validityLimit
        self.department = department
    }
}
