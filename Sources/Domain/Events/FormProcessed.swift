import CanonicalJSON

/// The destination (or the temporary storer, for an anticipated treatment) signed the
/// treatment.
public struct FormProcessed: Hashable, Sendable, JSONConvertible {
    /// Which BSD, when, who.
    public var header: EventHeader
    /// The treatment recorded.
    public var processing: Processing
    /// The status after the event.
    public var status: FormStatus
    /// The annexe-1 container whose treatment cascades to this item.
    public var cascadedFrom: String?

    /// Makes the event.
    public init(
        header: EventHeader, processing: Processing, status: FormStatus,
        cascadedFrom: String? = nil
    ) {
        self.header = header
        self.processing = processing
        self.status = status
        self.cascadedFrom = cascadedFrom
    }

    /// The payload object.
    public var jsonValue: JSONValue {
        var object = header.builder()
        object.set("processing", processing)
        object.set("status", status)
        object.set("cascadedFrom", cascadedFrom)
        return object.value
    }

    /// Reads the payload object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        header = try EventHeader(object)
        processing = try object.required("processing")
        status = try object.required("status")
        cascadedFrom = try object.optional("cascadedFrom")
    }
}

extension FormProcessed: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var formId: String?
        var at: Timestamp?
        var actor: Actor?
        var processing: Processing?
        var status: FormStatus?
        var cascadedFrom: String?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "formId" {
                formId = try reader.member()
            } else if key == "at" {
                at = try reader.member()
            } else if key == "actor" {
                actor = try reader.member()
            } else if key == "processing" {
                processing = try reader.member()
            } else if key == "status" {
                status = try reader.member()
            } else if key == "cascadedFrom" {
                cascadedFrom = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.header = EventHeader(
            formId: try JSONReader.required(formId, "formId"),
            at: try JSONReader.required(at, "at"),
            actor: try JSONReader.required(actor, "actor"))
        self.processing = try JSONReader.required(processing, "processing")
        self.status = try JSONReader.required(status, "status")
        self.cascadedFrom = cascadedFrom
    }
}
