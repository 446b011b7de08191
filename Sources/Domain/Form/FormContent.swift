import CanonicalJSON

/// The editable part of a BSD: everything an integrator fills in before and between
/// signatures. Signatures and step data live in ``FormState``.
public struct FormContent: Hashable, Sendable {
    /// The integrator's own reference.
    public var customId: String?
    /// Box 1.
    public var emitter = Emitter()
    /// Box 2.
    public var recipient = Recipient()
    /// Transporters in order, at most five.
    public var transporters: [Transporter] = []
    /// Boxes 3–6.
    public var wasteDetails = WasteDetails()
    /// The trader, if any.
    public var trader: TradingParty?
    /// The broker, if any.
    public var broker: TradingParty?
    /// The eco-organisme, if any.
    public var ecoOrganisme: EcoOrganisme?
    /// Intermediaries, at most five.
    public var intermediaries: [FormCompany] = []
    /// Whether the waste goes by pipeline or conveyor, with no transporter.
    public var isDirectSupply = false
    /// The final destination after a planned temporary storage (box 14).
    public var temporaryStorageDestination: Recipient?
    /// Annexe-2 initial BSDs with quantities, or annexe-1 items of a collection round.
    public var grouping: [GroupingFraction] = []

    /// An empty BSD content.
    public init() {}
}

extension FormContent: JSONConvertible {
    /// The content's present fields as an object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("customId", customId)
        object.set("emitter", emitter)
        object.set("recipient", recipient)
        object.setNonEmpty("transporters", transporters)
        object.set("wasteDetails", wasteDetails)
        object.set("trader", trader)
        object.set("broker", broker)
        object.set("ecoOrganisme", ecoOrganisme)
        object.setNonEmpty("intermediaries", intermediaries)
        object.setTrue("isDirectSupply", isDirectSupply)
        object.set("temporaryStorageDestination", temporaryStorageDestination)
        object.setNonEmpty("grouping", grouping)
        return object.value
    }

    /// Reads a content object; absent blocks are empty.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        customId = try object.optional("customId")
        emitter = try object.optional("emitter") ?? Emitter()
        recipient = try object.optional("recipient") ?? Recipient()
        transporters = try object.list("transporters")
        wasteDetails = try object.optional("wasteDetails") ?? WasteDetails()
        trader = try object.optional("trader")
        broker = try object.optional("broker")
        ecoOrganisme = try object.optional("ecoOrganisme")
        intermediaries = try object.list("intermediaries")
        isDirectSupply = try object.flag("isDirectSupply")
        temporaryStorageDestination = try object.optional("temporaryStorageDestination")
        grouping = try object.list("grouping")
    }
}

extension FormContent: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var customId: String?
        var emitter: Emitter?
        var recipient: Recipient?
        var transporters: [Transporter]?
        var wasteDetails: WasteDetails?
        var trader: TradingParty?
        var broker: TradingParty?
        var ecoOrganisme: EcoOrganisme?
        var intermediaries: [FormCompany]?
        var isDirectSupply: Bool?
        var temporaryStorageDestination: Recipient?
        var grouping: [GroupingFraction]?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "customId" {
                customId = try reader.member()
            } else if key == "emitter" {
                emitter = try reader.member()
            } else if key == "recipient" {
                recipient = try reader.member()
            } else if key == "transporters" {
                transporters = try reader.member()
            } else if key == "wasteDetails" {
                wasteDetails = try reader.member()
            } else if key == "trader" {
                trader = try reader.member()
            } else if key == "broker" {
                broker = try reader.member()
            } else if key == "ecoOrganisme" {
                ecoOrganisme = try reader.member()
            } else if key == "intermediaries" {
                intermediaries = try reader.member()
            } else if key == "isDirectSupply" {
                isDirectSupply = try reader.member()
            } else if key == "temporaryStorageDestination" {
                temporaryStorageDestination = try reader.member()
            } else if key == "grouping" {
                grouping = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.customId = customId
        self.emitter = emitter ?? Emitter()
        self.recipient = recipient ?? Recipient()
        self.transporters = transporters ?? []
        self.wasteDetails = wasteDetails ?? WasteDetails()
        self.trader = trader
        self.broker = broker
        self.ecoOrganisme = ecoOrganisme
        self.intermediaries = intermediaries ?? []
        self.isDirectSupply = isDirectSupply ?? false
        self.temporaryStorageDestination = temporaryStorageDestination
        self.grouping = grouping ?? []
    }
}

extension FormContent: JSONEncodable {
    /// Writes the object as ``jsonValue`` reads, members in canonical order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("broker", broker)
        writer.member("customId", customId)
        writer.member("ecoOrganisme", ecoOrganisme)
        writer.member("emitter", emitter)
        writer.member("grouping", nonEmpty: grouping)
        writer.member("intermediaries", nonEmpty: intermediaries)
        writer.member("isDirectSupply", ifTrue: isDirectSupply)
        writer.member("recipient", recipient)
        writer.member("temporaryStorageDestination", temporaryStorageDestination)
        writer.member("trader", trader)
        writer.member("transporters", nonEmpty: transporters)
        writer.member("wasteDetails", wasteDetails)
        writer.endObject()
    }
}
