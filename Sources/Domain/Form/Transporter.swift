import CanonicalJSON

/// One leg of the transport (up to five in a multimodal chain); signatures live in
/// ``TransportSignature``.
public struct Transporter: Hashable, Sendable {
    /// The transporter's own id when it was created as an entity (multimodal API:
    /// `createFormTransporter`, or a segment); nil for transporters given inline.
    public var id: String?
    /// Whether this transporter may take the waste over when its turn comes; a segment
    /// prepared in advance is not ready until it is marked so.
    public var readyToTakeOver = true
    /// The transporting company (SIRET, or VAT for a foreign one).
    public var company: FormCompany?
    /// Whether the transporter is exempted of a transport receipt.
    public var isExemptedOfReceipt = false
    /// Transport receipt number.
    public var receipt: String?
    /// Department of the receipt.
    public var department: String?
    /// End of validity of the receipt.
    public var validityLimit: Timestamp?
    /// Vehicle plates, at most two.
    public var numberPlates: [String] = []
    /// Transport mode.
    public var mode: TransportMode?
    /// Free text for the transporter.
    public var customInfo: String?

    /// An empty transporter.
    public init() {}

    /// Whether receipt fields are not required: exempted, foreign (VAT only) or not by road.
    public var isReceiptExempt: Bool {
        if isExemptedOfReceipt { return true }
        if company?.siret == nil, let vat = company?.vatNumber, VATNumber.isForeign(vat) {
            return true
        }
        if let mode, mode != .road { return true }
        return false
    }
}

extension Transporter: JSONConvertible {
    /// The transporter's present fields as an object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("id", id)
        // Written only when false, so that transporters without the flag keep their bytes.
        if !readyToTakeOver { object.set("readyToTakeOver", false) }
        object.set("company", company)
        object.setTrue("isExemptedOfReceipt", isExemptedOfReceipt)
        object.set("receipt", receipt)
        object.set("department", department)
        object.set("validityLimit", validityLimit)
        object.setNonEmpty("numberPlates", numberPlates)
        object.set("mode", mode)
        object.set("customInfo", customInfo)
        return object.value
    }

    /// Reads a transporter object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        id = try object.optional("id")
        readyToTakeOver = try object.optional("readyToTakeOver") ?? true
        company = try object.optional("company")
        isExemptedOfReceipt = try object.flag("isExemptedOfReceipt")
        receipt = try object.optional("receipt")
        department = try object.optional("department")
        validityLimit = try object.optional("validityLimit")
        numberPlates = try object.list("numberPlates")
        mode = try object.optional("mode")
        customInfo = try object.optional("customInfo")
    }
}

extension Transporter: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var id: String?
        var readyToTakeOver: Bool?
        var company: FormCompany?
        var isExemptedOfReceipt: Bool?
        var receipt: String?
        var department: String?
        var validityLimit: Timestamp?
        var numberPlates: [String]?
        var mode: TransportMode?
        var customInfo: String?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "id" {
                id = try reader.member()
            } else if key == "readyToTakeOver" {
                readyToTakeOver = try reader.member()
            } else if key == "company" {
                company = try reader.member()
            } else if key == "isExemptedOfReceipt" {
                isExemptedOfReceipt = try reader.member()
            } else if key == "receipt" {
                receipt = try reader.member()
            } else if key == "department" {
                department = try reader.member()
            } else if key == "validityLimit" {
                validityLimit = try reader.member()
            } else if key == "numberPlates" {
                numberPlates = try reader.member()
            } else if key == "mode" {
                mode = try reader.member()
            } else if key == "customInfo" {
                customInfo = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.id = id
        self.readyToTakeOver = readyToTakeOver ?? true
        self.company = company
        self.isExemptedOfReceipt = isExemptedOfReceipt ?? false
        self.receipt = receipt
        self.department = department
        self.validityLimit = validityLimit
        self.numberPlates = numberPlates ?? []
        self.mode = mode
        self.customInfo = customInfo
    }
}

extension Transporter: JSONEncodable {
    /// Writes the object as ``jsonValue`` reads, members in canonical order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("company", company)
        writer.member("customInfo", customInfo)
        writer.member("department", department)
        writer.member("id", id)
        writer.member("isExemptedOfReceipt", ifTrue: isExemptedOfReceipt)
        writer.member("mode", mode)
        writer.member("numberPlates", nonEmpty: numberPlates)
        writer.member("readyToTakeOver", readyToTakeOver ? nil : false)
        writer.member("receipt", receipt)
        writer.member("validityLimit", validityLimit)
        writer.endObject()
    }
}
