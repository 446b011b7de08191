import CanonicalJSON

/// The onward journey after temporary storage was filled in (boxes 14–19).
public struct FormResealed: Hashable, Sendable, JSONConvertible {
    /// Which BSD, when, who.
    public var header: EventHeader
    /// The final destination.
    public var destination: Recipient
    /// The onward transporter.
    public var transporter: Transporter?
    /// Waste details after repackaging.
    public var wasteDetails: WasteDetails?
    /// The status after the event.
    public var status: FormStatus

    /// Makes the event.
    public init(
        header: EventHeader, destination: Recipient, transporter: Transporter?,
        wasteDetails: WasteDetails?, status: FormStatus
    ) {
        self.header = header
        self.destination = destination
        self.transporter = transporter
        self.wasteDetails = wasteDetails
        self.status = status
    }

    /// The payload object.
    public var jsonValue: JSONValue {
        var object = header.builder()
        object.set("destination", destination)
        object.set("transporter", transporter)
        object.set("wasteDetails", wasteDetails)
        object.set("status", status)
        return object.value
    }

    /// Reads the payload object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        header = try EventHeader(object)
        destination = try object.required("destination")
        transporter = try object.optional("transporter")
        wasteDetails = try object.optional("wasteDetails")
        status = try object.required("status")
    }
}
