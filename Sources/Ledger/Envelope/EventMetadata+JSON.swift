import CanonicalJSON

extension EventMetadata: JSONCodable {
    /// Writes the present members in canonical key order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        if let actingCompany { writer.key("actingCompany"); writer.string(actingCompany) }
        if let actingUser { writer.key("actingUser"); writer.string(actingUser) }
        if let causationID { writer.key("causationId"); writer.string(causationID) }
        if let correlationID { writer.key("correlationId"); writer.string(correlationID) }
        writer.endObject()
    }

    /// Reads the members it knows and ignores others.
    public init(from reader: inout JSONReader) throws(JSONError) {
        self.init()
        var metadata = self
        try reader.readObject { key, value throws(JSONError) in
            if key == "actingCompany" {
                metadata.actingCompany = try value.readString()
            } else if key == "actingUser" {
                metadata.actingUser = try value.readString()
            } else if key == "causationId" {
                metadata.causationID = try value.readString()
            } else if key == "correlationId" {
                metadata.correlationID = try value.readString()
            } else {
                try value.skipValue()
            }
        }
        self = metadata
    }
}
