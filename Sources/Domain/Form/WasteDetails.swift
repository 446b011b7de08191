import CanonicalJSON

/// Boxes 3–6: what the waste is, how it is packed, and how much there is.
public struct WasteDetails: Hashable, Sendable {
    /// Waste code in the list's spaced format (`16 01 07*`).
    public var code: String?
    /// Usual name of the waste.
    public var name: String?
    /// Whether the waste is dangerous; a code ending in `*` forces true.
    public var isDangerous: Bool?
    /// Whether the waste contains persistent organic pollutants.
    public var pop: Bool?
    /// Whether the transport is subject to ADR (mandatory for BSDs created from 2025-06-04).
    public var isSubjectToADR: Bool?
    /// The ADR mention (UN number, class, …).
    public var onuCode: String?
    /// RID/ADN/IMDG mention for non-road transport.
    public var nonRoadRegulationMention: String?
    /// The quantity, in grams.
    public var quantity: Weight?
    /// Whether the quantity is weighed or estimated.
    public var quantityType: QuantityType?
    /// Physical states, at least one at sealing.
    public var consistences: [Consistence] = []
    /// Packagings.
    public var packagings: [Packaging] = []
    /// Sample number (allowed for some oils).
    public var sampleNumber: String?
    /// References of the analyses of the waste (soils and sediments).
    public var analysisReferences: [String] = []
    /// Identifiers of the land the waste comes from (soils and sediments).
    public var landIdentifiers: [String] = []

    /// An empty waste block.
    public init() {}
}

extension WasteDetails: JSONConvertible {
    /// The waste block's present fields as an object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("code", code)
        object.set("name", name)
        object.set("isDangerous", isDangerous)
        object.set("pop", pop)
        object.set("isSubjectToADR", isSubjectToADR)
        object.set("onuCode", onuCode)
        object.set("nonRoadRegulationMention", nonRoadRegulationMention)
        object.set("quantity", quantity)
        object.set("quantityType", quantityType)
        object.setNonEmpty("consistences", consistences)
        object.setNonEmpty("packagings", packagings)
        object.set("sampleNumber", sampleNumber)
        object.setNonEmpty("analysisReferences", analysisReferences)
        object.setNonEmpty("landIdentifiers", landIdentifiers)
        return object.value
    }

    /// Reads a waste-details object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        code = try object.optional("code")
        name = try object.optional("name")
        isDangerous = try object.optional("isDangerous")
        pop = try object.optional("pop")
        isSubjectToADR = try object.optional("isSubjectToADR")
        onuCode = try object.optional("onuCode")
        nonRoadRegulationMention = try object.optional("nonRoadRegulationMention")
        quantity = try object.optional("quantity")
        quantityType = try object.optional("quantityType")
        consistences = try object.list("consistences")
        packagings = try object.list("packagings")
        sampleNumber = try object.optional("sampleNumber")
        analysisReferences = try object.list("analysisReferences")
        landIdentifiers = try object.list("landIdentifiers")
    }
}

extension WasteDetails: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var code: String?
        var name: String?
        var isDangerous: Bool?
        var pop: Bool?
        var isSubjectToADR: Bool?
        var onuCode: String?
        var nonRoadRegulationMention: String?
        var quantity: Weight?
        var quantityType: QuantityType?
        var consistences: [Consistence]?
        var packagings: [Packaging]?
        var sampleNumber: String?
        var analysisReferences: [String]?
        var landIdentifiers: [String]?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "code" {
                code = try reader.member()
            } else if key == "name" {
                name = try reader.member()
            } else if key == "isDangerous" {
                isDangerous = try reader.member()
            } else if key == "pop" {
                pop = try reader.member()
            } else if key == "isSubjectToADR" {
                isSubjectToADR = try reader.member()
            } else if key == "onuCode" {
                onuCode = try reader.member()
            } else if key == "nonRoadRegulationMention" {
                nonRoadRegulationMention = try reader.member()
            } else if key == "quantity" {
                quantity = try reader.member()
            } else if key == "quantityType" {
                quantityType = try reader.member()
            } else if key == "consistences" {
                consistences = try reader.member()
            } else if key == "packagings" {
                packagings = try reader.member()
            } else if key == "sampleNumber" {
                sampleNumber = try reader.member()
            } else if key == "analysisReferences" {
                analysisReferences = try reader.member()
            } else if key == "landIdentifiers" {
                landIdentifiers = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.code = code
        self.name = name
        self.isDangerous = isDangerous
        self.pop = pop
        self.isSubjectToADR = isSubjectToADR
        self.onuCode = onuCode
        self.nonRoadRegulationMention = nonRoadRegulationMention
        self.quantity = quantity
        self.quantityType = quantityType
        self.consistences = consistences ?? []
        self.packagings = packagings ?? []
        self.sampleNumber = sampleNumber
        self.analysisReferences = analysisReferences ?? []
        self.landIdentifiers = landIdentifiers ?? []
    }
}

extension WasteDetails: JSONEncodable {
    /// Writes the object as ``jsonValue`` reads, members in canonical order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("analysisReferences", nonEmpty: analysisReferences)
        writer.member("code", code)
        writer.member("consistences", nonEmpty: consistences)
        writer.member("isDangerous", isDangerous)
        writer.member("isSubjectToADR", isSubjectToADR)
        writer.member("landIdentifiers", nonEmpty: landIdentifiers)
        writer.member("name", name)
        writer.member("nonRoadRegulationMention", nonRoadRegulationMention)
        writer.member("onuCode", onuCode)
        writer.member("packagings", nonEmpty: packagings)
        writer.member("pop", pop)
        writer.member("quantity", quantity)
        writer.member("quantityType", quantityType)
        writer.member("sampleNumber", sampleNumber)
        writer.endObject()
    }
}
