import CanonicalJSON

/// A number of a yearly readable-id counter was handed to a new BSD.
public struct ReadableIdReserved: Hashable, Sendable, JSONConvertible {
    /// The counter's year.
    public var year: Int
    /// The number handed out.
    public var number: Int
    /// The readable id it makes.
    public var readableId: String
    /// The BSD that received it.
    public var formId: String

    /// Makes the event.
    public init(year: Int, number: Int, readableId: String, formId: String) {
        self.year = year
        self.number = number
        self.readableId = readableId
        self.formId = formId
    }

    /// The payload object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("year", year)
        object.set("number", number)
        object.set("readableId", readableId)
        object.set("formId", formId)
        return object.value
    }

    /// Reads the payload object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        year = try object.required("year")
        number = try object.required("number")
        readableId = try object.required("readableId")
        formId = try object.required("formId")
    }
}

extension ReadableIdReserved: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var year: Int?
        var number: Int?
        var readableId: String?
        var formId: String?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "year" {
                year = try reader.member()
            } else if key == "number" {
                number = try reader.member()
            } else if key == "readableId" {
                readableId = try reader.member()
            } else if key == "formId" {
                formId = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.year = try JSONReader.required(year, "year")
        self.number = try JSONReader.required(number, "number")
        self.readableId = try JSONReader.required(readableId, "readableId")
        self.formId = try JSONReader.required(formId, "formId")
    }
}
