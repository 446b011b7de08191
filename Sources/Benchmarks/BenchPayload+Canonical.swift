import CanonicalJSON

extension BenchPayload: JSONCodable {
    func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("emitter")
        emitter.encode(to: &writer)
        writer.key("quantity")
        writer.double(quantity)
        writer.key("readableId")
        writer.string(readableId)
        writer.key("recipient")
        recipient.encode(to: &writer)
        writer.key("status")
        writer.string(status)
        writer.key("transporters")
        writer.beginArray()
        for transporter in transporters { transporter.encode(to: &writer) }
        writer.endArray()
        writer.key("wasteCode")
        writer.string(wasteCode)
        writer.key("wasteName")
        writer.string(wasteName)
        writer.endObject()
    }

    init(from reader: inout JSONReader) throws(JSONError) {
        var fields = Fields()
        try reader.readObject { key, value throws(JSONError) in try fields.read(key, &value) }
        guard let emitter = fields.emitter, let recipient = fields.recipient else {
            throw JSONError(
                .missingKey, at: reader.offset, key: fields.emitter == nil ? "emitter" : "recipient"
            )
        }
        self.init(
            emitter: emitter, quantity: fields.quantity, readableId: fields.readableId,
            recipient: recipient, status: fields.status, transporters: fields.transporters,
            wasteCode: fields.wasteCode, wasteName: fields.wasteName)
    }

    /// Members gathered while reading, before the value can be built.
    private struct Fields {
        var emitter: Emitter?
        var quantity = 0.0
        var readableId = ""
        var recipient: Recipient?
        var status = ""
        var transporters: [Transporter] = []
        var wasteCode = ""
        var wasteName = ""

        mutating func read(_ key: JSONKey, _ value: inout JSONReader) throws(JSONError) {
            if key == "emitter" {
                emitter = try Emitter(from: &value)
            } else if key == "quantity" {
                quantity = try value.readDouble()
            } else if key == "readableId" {
                readableId = try value.readString()
            } else if key == "recipient" {
                recipient = try Recipient(from: &value)
            } else if key == "status" {
                status = try value.readString()
            } else if key == "transporters" {
                try value.readArray { element throws(JSONError) in
                    transporters.append(try Transporter(from: &element))
                }
            } else if key == "wasteCode" {
                wasteCode = try value.readString()
            } else if key == "wasteName" {
                wasteName = try value.readString()
            } else {
                try value.skipValue()
            }
        }
    }
}
