import CanonicalJSON
import Domain

extension FormState {
    /// The stored form of the state, written straight to canonical JSON: the same bytes as
    /// `CanonicalJSON.encode(storageValue)`, without building the tree.
    func encodeStorage(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("appendix1ContainerId", appendix1ContainerId)
        writer.member("cancellationReason", cancellationReason)
        writer.member("content", content)
        writer.member("createdAt", createdAt)
        writer.member("createdBy", createdBy)
        writer.member("draftReaderOrgIds", draftReaderOrgIds)
        writer.member("emission", emission)
        writer.member("firstPickupAt", firstPickupAt)
        writer.member("groupedIn", nonEmpty: groupedIn)
        writer.member("id", id)
        writer.member("isDeleted", ifTrue: isDeleted)
        writer.member("isDuplicateOf", isDuplicateOf)
        writer.member("isImportedFromPaper", ifTrue: isImportedFromPaper)
        writer.member("processing", processing)
        writer.member("readableId", readableId)
        writer.member("reception", reception)
        writer.member("status", status)
        writer.member("temporaryStorage", temporaryStorage.map(TemporaryStorageRecord.init))
        writer.member("transportSignatures", nonEmpty: transportSignatures)
        writer.member("updatedAt", updatedAt)
        writer.member("version", version)
        writer.endObject()
    }

    /// Reads a state written by ``encodeStorage(to:)`` (or by ``storageValue``) straight
    /// from its bytes.
    init(storageBytes: UnsafeRawBufferPointer) throws(JSONError) {
        var fields = StoredFields()
        try CanonicalJSON.read(storageBytes) { reader throws(JSONError) in
            try reader.readObject { key, reader throws(JSONError) in
                try fields.read(key, &reader)
            }
            try reader.finish()
        }
        try self.init(fields)
    }

    private init(_ fields: StoredFields) throws(JSONError) {
        self.init(id: try JSONReader.required(fields.id, "id"))
        exists = true
        readableId = try JSONReader.required(fields.readableId, "readableId")
        status = try JSONReader.required(fields.status, "status")
        content = try JSONReader.required(fields.content, "content")
        createdAt = try JSONReader.required(fields.createdAt, "createdAt")
        updatedAt = try JSONReader.required(fields.updatedAt, "updatedAt")
        createdBy = try JSONReader.required(fields.createdBy, "createdBy")
        draftReaderOrgIds = fields.draftReaderOrgIds
        isDeleted = fields.isDeleted ?? false
        isDuplicateOf = fields.isDuplicateOf
        isImportedFromPaper = fields.isImportedFromPaper ?? false
        emission = fields.emission
        transportSignatures = fields.transportSignatures ?? []
        reception = fields.reception
        processing = fields.processing
        temporaryStorage = fields.temporaryStorage?.storage
        groupedIn = fields.groupedIn ?? []
        firstPickupAt = fields.firstPickupAt
        appendix1ContainerId = fields.appendix1ContainerId
        cancellationReason = fields.cancellationReason
        version = try JSONReader.required(fields.version, "version")
    }
}

/// The members of a stored state as read, before the required ones are checked.
private struct StoredFields {
    var id: String?
    var readableId: String?
    var status: FormStatus?
    var content: FormContent?
    var createdAt: Timestamp?
    var updatedAt: Timestamp?
    var createdBy: Actor?
    var draftReaderOrgIds: [String]?
    var isDeleted: Bool?
    var isDuplicateOf: String?
    var isImportedFromPaper: Bool?
    var emission: EmissionSignature?
    var transportSignatures: [TransportSignature]?
    var reception: Reception?
    var processing: Processing?
    var temporaryStorage: TemporaryStorageRecord?
    var groupedIn: [GroupingFraction]?
    var firstPickupAt: Timestamp?
    var appendix1ContainerId: String?
    var cancellationReason: String?
    var version: Int?

    /// Reads the member `key` into its field; unknown members are skipped.
    mutating func read(_ key: JSONKey, _ reader: inout JSONReader) throws(JSONError) {
        if key == "appendix1ContainerId" {
            appendix1ContainerId = try reader.member()
        } else if key == "cancellationReason" {
            cancellationReason = try reader.member()
        } else if key == "content" {
            content = try reader.member()
        } else if key == "createdAt" {
            createdAt = try reader.member()
        } else if key == "createdBy" {
            createdBy = try reader.member()
        } else if key == "draftReaderOrgIds" {
            draftReaderOrgIds = try reader.member()
        } else if key == "emission" {
            emission = try reader.member()
        } else if key == "firstPickupAt" {
            firstPickupAt = try reader.member()
        } else if key == "groupedIn" {
            groupedIn = try reader.member()
        } else {
            try readLater(key, &reader)
        }
    }

    private mutating func readLater(_ key: JSONKey, _ reader: inout JSONReader) throws(JSONError) {
        if key == "id" {
            id = try reader.member()
        } else if key == "isDeleted" {
            isDeleted = try reader.member()
        } else if key == "isDuplicateOf" {
            isDuplicateOf = try reader.member()
        } else if key == "isImportedFromPaper" {
            isImportedFromPaper = try reader.member()
        } else if key == "processing" {
            processing = try reader.member()
        } else if key == "readableId" {
            readableId = try reader.member()
        } else {
            try readLast(key, &reader)
        }
    }

    private mutating func readLast(_ key: JSONKey, _ reader: inout JSONReader) throws(JSONError) {
        if key == "reception" {
            reception = try reader.member()
        } else if key == "status" {
            status = try reader.member()
        } else if key == "temporaryStorage" {
            temporaryStorage = try reader.member()
        } else if key == "transportSignatures" {
            transportSignatures = try reader.member()
        } else if key == "updatedAt" {
            updatedAt = try reader.member()
        } else if key == "version" {
            version = try reader.member()
        } else {
            try reader.skipValue()
        }
    }
}

extension TemporaryStorageRecord: JSONCodable {
    /// Writes the temporary-storage part as ``jsonValue`` does, members in canonical order.
    func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("destination", storage.destination)
        writer.member("emission", storage.emission)
        writer.member("reception", storage.reception)
        writer.member("transport", storage.transport)
        writer.member("transporter", storage.transporter)
        writer.member("wasteDetails", storage.wasteDetails)
        writer.endObject()
    }

    /// Reads the temporary-storage part straight from JSON.
    init(from reader: inout JSONReader) throws(JSONError) {
        var storage = TemporaryStorage()
        try reader.readObject { key, reader throws(JSONError) in
            if key == "destination" {
                storage.destination = try reader.member()
            } else if key == "emission" {
                storage.emission = try reader.member()
            } else if key == "reception" {
                storage.reception = try reader.member() ?? Reception()
            } else if key == "transport" {
                storage.transport = try reader.member()
            } else if key == "transporter" {
                storage.transporter = try reader.member()
            } else if key == "wasteDetails" {
                storage.wasteDetails = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.storage = storage
    }
}
