import CanonicalJSON

/// Box 2 (and box 14 for the onward journey): where the waste goes and what is planned there.
public struct Recipient: Hashable, Sendable {
    /// The destination's acceptance certificate number (required for dangerous waste).
    public var cap: String?
    /// The planned treatment operation code, spaced (`R 1`, `D 9 F`).
    public var processingOperation: String?
    /// The destination company.
    public var company: FormCompany?
    /// Whether the destination is a temporary storage site (planned in advance).
    public var isTempStorage = false

    /// An empty recipient block.
    public init() {}
}

extension Recipient: JSONConvertible {
    /// The recipient's present fields as an object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("cap", cap)
        object.set("processingOperation", processingOperation)
        object.set("company", company)
        object.setTrue("isTempStorage", isTempStorage)
        return object.value
    }

    /// Reads a recipient object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        cap = try object.optional("cap")
        processingOperation = try object.optional("processingOperation")
        company = try object.optional("company")
        isTempStorage = try object.flag("isTempStorage")
    }
}

extension Recipient: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var cap: String?
        var processingOperation: String?
        var company: FormCompany?
        var isTempStorage: Bool?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "cap" {
                cap = try reader.member()
            } else if key == "processingOperation" {
                processingOperation = try reader.member()
            } else if key == "company" {
                company = try reader.member()
            } else if key == "isTempStorage" {
                isTempStorage = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.cap = cap
        self.processingOperation = processingOperation
        self.company = company
        self.isTempStorage = isTempStorage ?? false
    }
}

extension Recipient: JSONEncodable {
    /// Writes the object as ``jsonValue`` reads, members in canonical order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("cap", cap)
        writer.member("company", company)
        writer.member("isTempStorage", ifTrue: isTempStorage)
        writer.member("processingOperation", processingOperation)
        writer.endObject()
    }
}
