import CanonicalJSON

/// A paper BSD was recorded with all its boxes, straight to its final status; either a new
/// BSD (with a readable id) or a sealed one completed.
public struct FormImportedFromPaper: Hashable, Sendable, JSONConvertible {
    /// Which BSD, when, who.
    public var header: EventHeader
    /// The readable id, when the import created the BSD.
    public var readableId: String?
    /// The content as on paper.
    public var content: FormContent
    /// The emission signature.
    public var emission: EmissionSignature
    /// The take-over signature.
    public var transport: TransportSignature
    /// Reception and acceptance.
    public var reception: Reception
    /// The treatment.
    public var processing: Processing
    /// The status after the event.
    public var status: FormStatus

    /// Makes the event.
    public init(
        header: EventHeader, readableId: String?, content: FormContent,
        emission: EmissionSignature, transport: TransportSignature, reception: Reception,
        processing: Processing, status: FormStatus
    ) {
        self.header = header
        self.readableId = readableId
        self.content = content
        self.emission = emission
        self.transport = transport
        self.reception = reception
        self.processing = processing
        self.status = status
    }

    /// The payload object.
    public var jsonValue: JSONValue {
        var object = header.builder()
        object.set("readableId", readableId)
        object.set("content", content)
        object.set("emission", emission)
        object.set("transport", transport)
        object.set("reception", reception)
        object.set("processing", processing)
        object.set("status", status)
        return object.value
    }

    /// Reads the payload object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        header = try EventHeader(object)
        readableId = try object.optional("readableId")
        content = try object.required("content")
        emission = try object.required("emission")
        transport = try object.required("transport")
        reception = try object.required("reception")
        processing = try object.required("processing")
        status = try object.required("status")
    }
}

extension FormImportedFromPaper: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var formId: String?
        var at: Timestamp?
        var actor: Actor?
        var readableId: String?
        var content: FormContent?
        var emission: EmissionSignature?
        var transport: TransportSignature?
        var reception: Reception?
        var processing: Processing?
        var status: FormStatus?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "formId" {
                formId = try reader.member()
            } else if key == "at" {
                at = try reader.member()
            } else if key == "actor" {
                actor = try reader.member()
            } else if key == "readableId" {
                readableId = try reader.member()
            } else if key == "content" {
                content = try reader.member()
            } else if key == "emission" {
                emission = try reader.member()
            } else if key == "transport" {
                transport = try reader.member()
            } else if key == "reception" {
                reception = try reader.member()
            } else if key == "processing" {
                processing = try reader.member()
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
        self.readableId = readableId
        self.content = try JSONReader.required(content, "content")
        self.emission = try JSONReader.required(emission, "emission")
        self.transport = try JSONReader.required(transport, "transport")
        self.reception = try JSONReader.required(reception, "reception")
        self.processing = try JSONReader.required(processing, "processing")
        self.status = try JSONReader.required(status, "status")
    }
}
