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
