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
