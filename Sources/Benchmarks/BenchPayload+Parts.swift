import CanonicalJSON

// Typed canonical encoding and pull decoding, written the way domain events will be.

extension BenchPayload.Company: JSONCodable {
    func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("address")
        writer.string(address)
        writer.key("name")
        writer.string(name)
        writer.key("siret")
        writer.string(siret)
        writer.endObject()
    }

    init(from reader: inout JSONReader) throws(JSONError) {
        var address = ""
        var name = ""
        var siret = ""
        try reader.readObject { key, value throws(JSONError) in
            if key == "address" {
                address = try value.readString()
            } else if key == "name" {
                name = try value.readString()
            } else if key == "siret" {
                siret = try value.readString()
            } else {
                try value.skipValue()
            }
        }
        self.init(address: address, name: name, siret: siret)
    }
}

extension BenchPayload.Emitter: JSONCodable {
    func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("company")
        company.encode(to: &writer)
        writer.key("type")
        writer.string(type)
        writer.endObject()
    }

    init(from reader: inout JSONReader) throws(JSONError) {
        var company: BenchPayload.Company?
        var type = ""
        try reader.readObject { key, value throws(JSONError) in
            if key == "company" {
                company = try BenchPayload.Company(from: &value)
            } else if key == "type" {
                type = try value.readString()
            } else {
                try value.skipValue()
            }
        }
        guard let company else { throw JSONError(.missingKey, at: reader.offset, key: "company") }
        self.init(company: company, type: type)
    }
}

extension BenchPayload.Recipient: JSONCodable {
    func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("cap")
        writer.string(cap)
        writer.key("processingOperation")
        writer.string(processingOperation)
        writer.key("siret")
        writer.string(siret)
        writer.endObject()
    }

    init(from reader: inout JSONReader) throws(JSONError) {
        var cap = ""
        var operation = ""
        var siret = ""
        try reader.readObject { key, value throws(JSONError) in
            if key == "cap" {
                cap = try value.readString()
            } else if key == "processingOperation" {
                operation = try value.readString()
            } else if key == "siret" {
                siret = try value.readString()
            } else {
                try value.skipValue()
            }
        }
        self.init(cap: cap, processingOperation: operation, siret: siret)
    }
}

extension BenchPayload.Transporter: JSONCodable {
    func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("number")
        writer.int(number)
        writer.key("plate")
        writer.string(plate)
        writer.key("siret")
        writer.string(siret)
        writer.endObject()
    }

    init(from reader: inout JSONReader) throws(JSONError) {
        var number: Int64 = 0
        var plate = ""
        var siret = ""
        try reader.readObject { key, value throws(JSONError) in
            if key == "number" {
                number = try value.readInt()
            } else if key == "plate" {
                plate = try value.readString()
            } else if key == "siret" {
                siret = try value.readString()
            } else {
                try value.skipValue()
            }
        }
        self.init(number: number, plate: plate, siret: siret)
    }
}
