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
    }
}
