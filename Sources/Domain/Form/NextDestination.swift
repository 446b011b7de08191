import CanonicalJSON

/// Box 12: where waste goes after a grouping or transit operation.
public struct NextDestination: Hashable, Sendable {
    /// The operation planned at the next destination.
    public var processingOperation: String?
    /// The next destination company.
    public var company: FormCompany?
    /// Cross-border shipment notification number.
    public var notificationNumber: String?

    /// An empty next destination.
    public init() {}

    /// Whether the next destination is abroad, decided in the reference's order: an
    /// extra-EU id, then a foreign VAT number, then a valid SIRET (French), then the country.
    public var isForeign: Bool {
        guard let company else { return false }
        if company.extraEuropeanId?.isEmpty == false { return true }
        if let vat = company.vatNumber, VATNumber.isForeign(vat) { return true }
        if let siret = company.siret, SIRET.isValid(siret) { return false }
        if let country = company.country, country.uppercased() != "FR" { return true }
        return false
    }
}

extension NextDestination: JSONConvertible {
    /// The present fields as an object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("processingOperation", processingOperation)
        object.set("company", company)
        object.set("notificationNumber", notificationNumber)
        return object.value
    }

    /// Reads a next-destination object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        processingOperation = try object.optional("processingOperation")
        company = try object.optional("company")
        notificationNumber = try object.optional("notificationNumber")
    }
}

extension NextDestination: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var processingOperation: String?
        var company: FormCompany?
        var notificationNumber: String?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "processingOperation" {
                processingOperation = try reader.member()
            } else if key == "company" {
                company = try reader.member()
            } else if key == "notificationNumber" {
                notificationNumber = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.processingOperation = processingOperation
        self.company = company
        self.notificationNumber = notificationNumber
    }
}

extension NextDestination: JSONEncodable {
    /// Writes the object as ``jsonValue`` reads, members in canonical order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("company", company)
        writer.member("notificationNumber", notificationNumber)
        writer.member("processingOperation", processingOperation)
        writer.endObject()
    }
}
