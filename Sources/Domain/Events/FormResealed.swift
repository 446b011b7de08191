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

extension FormResealed: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var formId: String?
        var at: Timestamp?
        var actor: Actor?
        var destination: Recipient?
        var transporter: Transporter?
        var wasteDetails: WasteDetails?
        var status: FormStatus?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "formId" {
                formId = try reader.member()
            } else if key == "at" {
                at = try reader.member()
            } else if key == "actor" {
                actor = try reader.member()
            } else if key == "destination" {
                destination = try reader.member()
            } else if key == "transporter" {
                transporter = try reader.member()
            } else if key == "wasteDetails" {
                wasteDetails = try reader.member()
            } else if key == "status" {
                status = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.header = EventHeader(
            formId: try JSONReader.required(formId, "formId"),
            at: try JSONReader.required(at, "at"),
            actor: try JSONReader.required(actor, "actor"))
        self.destination = try JSONReader.required(destination, "destination")
        self.transporter = transporter
        self.wasteDetails = wasteDetails
        self.status = try JSONReader.required(status, "status")
    }
}
