import CanonicalJSON

/// A transporter's take-over signature.
public struct TransportSignature: Hashable, Sendable {
    /// The transporter's position in the chain, from 1.
    public var number: Int
    /// When the waste was taken over.
    public var takenOverAt: Timestamp
    /// Who took it over.
    public var takenOverBy: String

    /// Makes a take-over signature.
    public init(number: Int, takenOverAt: Timestamp, takenOverBy: String) {
        self.number = number
        self.takenOverAt = takenOverAt
        self.takenOverBy = takenOverBy
    }
}

extension TransportSignature: JSONConvertible {
    /// The signature as an object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("number", number)
        object.set("takenOverAt", takenOverAt)
        object.set("takenOverBy", takenOverBy)
        return object.value
    }

    /// Reads a signature object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        number = try object.required("number")
        takenOverAt = try object.required("takenOverAt")
        takenOverBy = try object.required("takenOverBy")
    }
}

extension TransportSignature: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var number: Int?
        var takenOverAt: Timestamp?
        var takenOverBy: String?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "number" {
                number = try reader.member()
            } else if key == "takenOverAt" {
                takenOverAt = try reader.member()
            } else if key == "takenOverBy" {
                takenOverBy = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.number = try JSONReader.required(number, "number")
        self.takenOverAt = try JSONReader.required(takenOverAt, "takenOverAt")
        self.takenOverBy = try JSONReader.required(takenOverBy, "takenOverBy")
    }
}

extension TransportSignature: JSONEncodable {
    /// Writes the object as ``jsonValue`` reads, members in canonical order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("number", number)
        writer.member("takenOverAt", takenOverAt)
        writer.member("takenOverBy", takenOverBy)
        writer.endObject()
    }
}
