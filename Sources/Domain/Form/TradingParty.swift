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

extension TradingParty: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var company: FormCompany?
        var receipt: String?
        var department: String?
        var validityLimit: Timestamp?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "company" {
                company = try reader.member()
            } else if key == "receipt" {
                receipt = try reader.member()
            } else if key == "department" {
                department = try reader.member()
            } else if key == "validityLimit" {
                validityLimit = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.company = company
        self.receipt = receipt
        self.department = department
        self.validityLimit = validityLimit
    }
}

extension TradingParty: JSONEncodable {
    /// Writes the object as ``jsonValue`` reads, members in canonical order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("company", company)
        writer.member("department", department)
        writer.member("receipt", receipt)
        writer.member("validityLimit", validityLimit)
        writer.endObject()
    }
}
