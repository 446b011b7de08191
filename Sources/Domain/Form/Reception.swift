import CanonicalJSON

/// Reception and acceptance at a destination or at the temporary storage site.
public struct Reception: Hashable, Sendable {
    /// When the waste arrived.
    public var receivedAt: Timestamp?
    /// Who received it.
    public var receivedBy: String?
    /// When acceptance was signed.
    public var signedAt: Timestamp?
    /// Who signed acceptance.
    public var signedBy: String?
    /// The acceptance decision, once taken.
    public var acceptationStatus: AcceptationStatus?
    /// Why the waste was (partly) refused.
    public var refusalReason: String?
    /// Quantity received.
    public var quantityReceived: Weight?
    /// Quantity refused.
    public var quantityRefused: Weight?
    /// Whether the received quantity was weighed or estimated.
    public var quantityType: QuantityType?
    /// Whether the tank was washed out after unloading (tanks on accepted waste only).
    public var hasCiterneBeenWashedOut: Bool?
    /// Why the tank was not washed out.
    public var citerneNotWashedOutReason: CiterneNotWashedOutReason?
    /// The ADR mention for the empty return of a tank or skip.
    public var emptyReturnADR: String?

    /// An empty reception.
    public init() {}

    /// Received minus refused, when both are known.
    public var quantityAccepted: Weight? {
        guard let received = quantityReceived else { return nil }
        return received - (quantityRefused ?? .zero)
    }
}

extension Reception: JSONConvertible {
    /// The present fields as an object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("receivedAt", receivedAt)
        object.set("receivedBy", receivedBy)
        object.set("signedAt", signedAt)
        object.set("signedBy", signedBy)
        object.set("acceptationStatus", acceptationStatus)
        object.set("refusalReason", refusalReason)
        object.set("quantityReceived", quantityReceived)
        object.set("quantityRefused", quantityRefused)
        object.set("quantityType", quantityType)
        object.set("hasCiterneBeenWashedOut", hasCiterneBeenWashedOut)
        object.set("citerneNotWashedOutReason", citerneNotWashedOutReason)
        object.set("emptyReturnADR", emptyReturnADR)
        return object.value
    }

    /// Reads a reception object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        receivedAt = try object.optional("receivedAt")
        receivedBy = try object.optional("receivedBy")
        signedAt = try object.optional("signedAt")
        signedBy = try object.optional("signedBy")
        acceptationStatus = try object.optional("acceptationStatus")
        refusalReason = try object.optional("refusalReason")
        quantityReceived = try object.optional("quantityReceived")
        quantityRefused = try object.optional("quantityRefused")
        quantityType = try object.optional("quantityType")
        hasCiterneBeenWashedOut = try object.optional("hasCiterneBeenWashedOut")
        citerneNotWashedOutReason = try object.optional("citerneNotWashedOutReason")
        emptyReturnADR = try object.optional("emptyReturnADR")
    }
}

extension Reception: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var receivedAt: Timestamp?
        var receivedBy: String?
        var signedAt: Timestamp?
        var signedBy: String?
        var acceptationStatus: AcceptationStatus?
        var refusalReason: String?
        var quantityReceived: Weight?
        var quantityRefused: Weight?
        var quantityType: QuantityType?
        var hasCiterneBeenWashedOut: Bool?
        var citerneNotWashedOutReason: CiterneNotWashedOutReason?
        var emptyReturnADR: String?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "receivedAt" {
                receivedAt = try reader.member()
            } else if key == "receivedBy" {
                receivedBy = try reader.member()
            } else if key == "signedAt" {
                signedAt = try reader.member()
            } else if key == "signedBy" {
                signedBy = try reader.member()
            } else if key == "acceptationStatus" {
                acceptationStatus = try reader.member()
            } else if key == "refusalReason" {
                refusalReason = try reader.member()
            } else if key == "quantityReceived" {
                quantityReceived = try reader.member()
            } else if key == "quantityRefused" {
                quantityRefused = try reader.member()
            } else if key == "quantityType" {
                quantityType = try reader.member()
            } else if key == "hasCiterneBeenWashedOut" {
                hasCiterneBeenWashedOut = try reader.member()
            } else if key == "citerneNotWashedOutReason" {
                citerneNotWashedOutReason = try reader.member()
            } else if key == "emptyReturnADR" {
                emptyReturnADR = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.receivedAt = receivedAt
        self.receivedBy = receivedBy
        self.signedAt = signedAt
        self.signedBy = signedBy
        self.acceptationStatus = acceptationStatus
        self.refusalReason = refusalReason
        self.quantityReceived = quantityReceived
        self.quantityRefused = quantityRefused
        self.quantityType = quantityType
        self.hasCiterneBeenWashedOut = hasCiterneBeenWashedOut
        self.citerneNotWashedOutReason = citerneNotWashedOutReason
        self.emptyReturnADR = emptyReturnADR
    }
}

extension Reception: JSONEncodable {
    /// Writes the object as ``jsonValue`` reads, members in canonical order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("acceptationStatus", acceptationStatus)
        writer.member("citerneNotWashedOutReason", citerneNotWashedOutReason)
        writer.member("emptyReturnADR", emptyReturnADR)
        writer.member("hasCiterneBeenWashedOut", hasCiterneBeenWashedOut)
        writer.member("quantityReceived", quantityReceived)
        writer.member("quantityRefused", quantityRefused)
        writer.member("quantityType", quantityType)
        writer.member("receivedAt", receivedAt)
        writer.member("receivedBy", receivedBy)
        writer.member("refusalReason", refusalReason)
        writer.member("signedAt", signedAt)
        writer.member("signedBy", signedBy)
        writer.endObject()
    }
}
