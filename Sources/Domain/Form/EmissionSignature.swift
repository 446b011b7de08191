import CanonicalJSON

/// The emission signature (box 8 or, for the onward journey, box 19).
public struct EmissionSignature: Hashable, Sendable {
    /// When the emitter signed.
    public var emittedAt: Timestamp
    /// Who signed, as written on the BSD.
    public var emittedBy: String
    /// Whether the eco-organisme signed instead of the emitter.
    public var byEcoOrganisme = false
    /// Whether the platform signed automatically (private individual, foreign ship, annexe 1).
    public var isAutomatic = false

    /// Makes an emission signature.
    public init(emittedAt: Timestamp, emittedBy: String) {
        self.emittedAt = emittedAt
        self.emittedBy = emittedBy
    }
}

extension EmissionSignature: JSONConvertible {
    /// The signature as an object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("emittedAt", emittedAt)
        object.set("emittedBy", emittedBy)
        object.setTrue("byEcoOrganisme", byEcoOrganisme)
        object.setTrue("isAutomatic", isAutomatic)
        return object.value
    }

    /// Reads a signature object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        emittedAt = try object.required("emittedAt")
        emittedBy = try object.required("emittedBy")
        byEcoOrganisme = try object.flag("byEcoOrganisme")
        isAutomatic = try object.flag("isAutomatic")
    }
}

extension EmissionSignature: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var emittedAt: Timestamp?
        var emittedBy: String?
        var byEcoOrganisme: Bool?
        var isAutomatic: Bool?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "emittedAt" {
                emittedAt = try reader.member()
            } else if key == "emittedBy" {
                emittedBy = try reader.member()
            } else if key == "byEcoOrganisme" {
                byEcoOrganisme = try reader.member()
            } else if key == "isAutomatic" {
                isAutomatic = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.emittedAt = try JSONReader.required(emittedAt, "emittedAt")
        self.emittedBy = try JSONReader.required(emittedBy, "emittedBy")
        self.byEcoOrganisme = byEcoOrganisme ?? false
        self.isAutomatic = isAutomatic ?? false
    }
}

extension EmissionSignature: JSONEncodable {
    /// Writes the object as ``jsonValue`` reads, members in canonical order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("byEcoOrganisme", ifTrue: byEcoOrganisme)
        writer.member("emittedAt", emittedAt)
        writer.member("emittedBy", emittedBy)
        writer.member("isAutomatic", ifTrue: isAutomatic)
        writer.endObject()
    }
}
