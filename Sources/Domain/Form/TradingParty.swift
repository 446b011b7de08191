import CanonicalJSON

/// A trader or a broker: a company with its trading receipt.
public struct TradingParty: Hashable, Sendable {
    /// The trading company.
    public var company: FormCompany?
    /// Receipt number.
    public var receipt: String?
    /// Department of the receipt.
    public var department: String?
    /// End of validity of the receipt.
    public var validityLimit: Timestamp?

    /// An empty trader or broker block.
    public init() {}
}

extension TradingParty: JSONConvertible {
    /// The present fields as an object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("company", company)
        object.set("receipt", receipt)
        object.set("department", department)
        object.set("validityLimit", validityLimit)
        return object.value
    }

    /// Reads a trader or broker object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        company = try object.optional("company")
        receipt = try object.optional("receipt")
        department = try object.optional("department")
        validityLimit = try object.optional("validityLimit")
    }
}
