import CanonicalJSON

/// The treatment actually done at the destination (box 11 and 12).
public struct Processing: Hashable, Sendable {
    /// The operation code done, spaced.
    public var operationDone: String
    /// The operation mode, required iff the code has allowed modes.
    public var operationMode: OperationMode?
    /// Free description of the operation.
    public var description: String?
    /// Who certifies the treatment.
    public var processedBy: String
    /// When it was done.
    public var processedAt: Timestamp
    /// Where the waste goes next, for grouping codes.
    public var nextDestination: NextDestination?
    /// Whether an authorised traceability break applies.
    public var noTraceability = false
    /// Whether the waste (excavated soil) was upcycled; nil when not said.
    public var isUpcycled: Bool?
    /// INSEE codes of the parcels the waste was upcycled on.
    public var destinationParcelInseeCodes: [String] = []
    /// Cadastral numbers of those parcels.
    public var destinationParcelNumbers: [String] = []
    /// Coordinates of those parcels.
    public var destinationParcelCoordinates: [String] = []

    /// Makes a processing record.
    public init(operationDone: String, processedBy: String, processedAt: Timestamp) {
        self.operationDone = operationDone
        self.processedBy = processedBy
        self.processedAt = processedAt
    }
}

extension Processing: JSONConvertible {
    /// The present fields as an object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("operationDone", operationDone)
        object.set("operationMode", operationMode)
        object.set("description", description)
        object.set("processedBy", processedBy)
        object.set("processedAt", processedAt)
        object.set("nextDestination", nextDestination)
        object.setTrue("noTraceability", noTraceability)
        object.set("isUpcycled", isUpcycled)
        object.setNonEmpty("destinationParcelInseeCodes", destinationParcelInseeCodes)
        object.setNonEmpty("destinationParcelNumbers", destinationParcelNumbers)
        object.setNonEmpty("destinationParcelCoordinates", destinationParcelCoordinates)
        return object.value
    }

    /// Reads a processing object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        operationDone = try object.required("operationDone")
        operationMode = try object.optional("operationMode")
        description = try object.optional("description")
        processedBy = try object.required("processedBy")
        processedAt = try object.required("processedAt")
        nextDestination = try object.optional("nextDestination")
        noTraceability = try object.flag("noTraceability")
        isUpcycled = try object.optional("isUpcycled")
        destinationParcelInseeCodes = try object.list("destinationParcelInseeCodes")
        destinationParcelNumbers = try object.list("destinationParcelNumbers")
        destinationParcelCoordinates = try object.list("destinationParcelCoordinates")
    }
}

extension Processing: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var operationDone: String?
        var operationMode: OperationMode?
        var description: String?
        var processedBy: String?
        var processedAt: Timestamp?
        var nextDestination: NextDestination?
        var noTraceability: Bool?
        var upcycling = Upcycling()
        try reader.readObject { key, reader throws(JSONError) in
            if key == "operationDone" {
                operationDone = try reader.member()
            } else if key == "operationMode" {
                operationMode = try reader.member()
            } else if key == "description" {
                description = try reader.member()
            } else if key == "processedBy" {
                processedBy = try reader.member()
            } else if key == "processedAt" {
                processedAt = try reader.member()
            } else if key == "nextDestination" {
                nextDestination = try reader.member()
            } else if key == "noTraceability" {
                noTraceability = try reader.member()
            } else {
                try upcycling.read(key, &reader)
            }
        }
        self.operationDone = try JSONReader.required(operationDone, "operationDone")
        self.operationMode = operationMode
        self.description = description
        self.processedBy = try JSONReader.required(processedBy, "processedBy")
        self.processedAt = try JSONReader.required(processedAt, "processedAt")
        self.nextDestination = nextDestination
        self.noTraceability = noTraceability ?? false
        isUpcycled = upcycling.isUpcycled
        destinationParcelInseeCodes = upcycling.inseeCodes ?? []
        destinationParcelNumbers = upcycling.numbers ?? []
        destinationParcelCoordinates = upcycling.coordinates ?? []
    }
}

/// The upcycling members of a processing object as read, other members skipped.
private struct Upcycling {
    var isUpcycled: Bool?
    var inseeCodes: [String]?
    var numbers: [String]?
    var coordinates: [String]?

    mutating func read(_ key: JSONKey, _ reader: inout JSONReader) throws(JSONError) {
        if key == "isUpcycled" {
            isUpcycled = try reader.member()
        } else if key == "destinationParcelInseeCodes" {
            inseeCodes = try reader.member()
        } else if key == "destinationParcelNumbers" {
            numbers = try reader.member()
        } else if key == "destinationParcelCoordinates" {
            coordinates = try reader.member()
        } else {
            try reader.skipValue()
        }
    }
}

extension Processing: JSONEncodable {
    /// Writes the object as ``jsonValue`` reads, members in canonical order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("description", description)
        writer.member("destinationParcelCoordinates", nonEmpty: destinationParcelCoordinates)
        writer.member("destinationParcelInseeCodes", nonEmpty: destinationParcelInseeCodes)
        writer.member("destinationParcelNumbers", nonEmpty: destinationParcelNumbers)
        writer.member("isUpcycled", isUpcycled)
        writer.member("nextDestination", nextDestination)
        writer.member("noTraceability", ifTrue: noTraceability)
        writer.member("operationDone", operationDone)
        writer.member("operationMode", operationMode)
        writer.member("processedAt", processedAt)
        writer.member("processedBy", processedBy)
        writer.endObject()
    }
}
