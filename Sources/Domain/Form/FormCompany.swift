import CanonicalJSON

/// A company named on a BSD, French (SIRET) or foreign (VAT, extra-EU id, OMI number).
public struct FormCompany: Hashable, Sendable {
    /// Legal name.
    public var name: String?
    /// French establishment number, 14 digits.
    public var siret: String?
    /// Intra-community VAT number, for foreign companies.
    public var vatNumber: String?
    /// Postal address.
    public var address: String?
    /// Contact person.
    public var contact: String?
    /// Phone number.
    public var phone: String?
    /// E-mail address.
    public var mail: String?
    /// ISO country code, for foreign companies.
    public var country: String?
    /// Ship number `OMI` + 7 digits, for a foreign ship.
    public var omiNumber: String?
    /// Identifier of a company outside the EU.
    public var extraEuropeanId: String?

    /// An empty company block.
    public init() {}

    /// A company identified by SIRET, with its contact fields.
    public init(
        siret: String?, name: String?, address: String? = nil, contact: String? = nil,
        phone: String? = nil, mail: String? = nil
    ) {
        self.siret = siret
        self.name = name
        self.address = address
        self.contact = contact
        self.phone = phone
        self.mail = mail
    }

    /// The SIRET, or else the VAT number: how the company is known on the platform.
    public var orgId: String? { siret ?? vatNumber }
}

extension FormCompany: JSONConvertible {
    /// The company's present fields as an object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("name", name)
        object.set("siret", siret)
        object.set("vatNumber", vatNumber)
        object.set("address", address)
        object.set("contact", contact)
        object.set("phone", phone)
        object.set("mail", mail)
        object.set("country", country)
        object.set("omiNumber", omiNumber)
        object.set("extraEuropeanId", extraEuropeanId)
        return object.value
    }

    /// Reads a company object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        name = try object.optional("name")
        siret = try object.optional("siret")
        vatNumber = try object.optional("vatNumber")
        address = try object.optional("address")
        contact = try object.optional("contact")
        phone = try object.optional("phone")
        mail = try object.optional("mail")
        country = try object.optional("country")
        omiNumber = try object.optional("omiNumber")
        extraEuropeanId = try object.optional("extraEuropeanId")
    }
}

extension FormCompany: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var name: String?
        var siret: String?
        var vatNumber: String?
        var address: String?
        var contact: String?
        var phone: String?
        var mail: String?
        var country: String?
        var omiNumber: String?
        var extraEuropeanId: String?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "name" {
                name = try reader.member()
            } else if key == "siret" {
                siret = try reader.member()
            } else if key == "vatNumber" {
                vatNumber = try reader.member()
            } else if key == "address" {
                address = try reader.member()
            } else if key == "contact" {
                contact = try reader.member()
            } else if key == "phone" {
                phone = try reader.member()
            } else if key == "mail" {
                mail = try reader.member()
            } else if key == "country" {
                country = try reader.member()
            } else if key == "omiNumber" {
                omiNumber = try reader.member()
            } else if key == "extraEuropeanId" {
                extraEuropeanId = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.name = name
        self.siret = siret
        self.vatNumber = vatNumber
        self.address = address
        self.contact = contact
        self.phone = phone
        self.mail = mail
        self.country = country
        self.omiNumber = omiNumber
        self.extraEuropeanId = extraEuropeanId
    }
}

extension FormCompany: JSONEncodable {
    /// Writes the object as ``jsonValue`` reads, members in canonical order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("address", address)
        writer.member("contact", contact)
        writer.member("country", country)
        writer.member("extraEuropeanId", extraEuropeanId)
        writer.member("mail", mail)
        writer.member("name", name)
        writer.member("omiNumber", omiNumber)
        writer.member("phone", phone)
        writer.member("siret", siret)
        writer.member("vatNumber", vatNumber)
        writer.endObject()
    }
}
