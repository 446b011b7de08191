import CanonicalJSON
import Domain

extension FormState {
    /// The state as a JSON tree, every present field; the projection stores it canonically.
    var storageValue: JSONValue {
        var object = JSONFields()
        object.set("id", id)
        object.set("readableId", readableId)
        object.set("status", status)
        object.set("content", content)
        object.set("createdAt", createdAt)
        object.set("updatedAt", updatedAt)
        object.set("createdBy", createdBy)
        object.set("draftReaderOrgIds", draftReaderOrgIds)
        object.set("isDeleted", isDeleted)
        object.set("isDuplicateOf", isDuplicateOf)
        object.set("isImportedFromPaper", isImportedFromPaper)
        object.set("emission", emission)
        object.set("transportSignatures", transportSignatures)
        object.set("reception", reception)
        object.set("processing", processing)
        object.set("temporaryStorage", temporaryStorage.map(TemporaryStorageRecord.init))
        object.set("groupedIn", groupedIn)
        object.set("firstPickupAt", firstPickupAt)
        object.set("appendix1ContainerId", appendix1ContainerId)
        object.set("cancellationReason", cancellationReason)
        object.set("version", version)
        return object.value
    }

    /// Reads a state written by ``storageValue``.
    init(storageValue: JSONValue) throws(JSONError) {
        let object = try JSONFields(storageValue)
        self.init(id: try object.required("id"))
        exists = true
        readableId = try object.required("readableId")
        status = try object.required("status")
        content = try object.required("content")
        createdAt = try object.required("createdAt")
        updatedAt = try object.required("updatedAt")
        createdBy = try object.required("createdBy")
        draftReaderOrgIds = try object.optional("draftReaderOrgIds")
        isDeleted = try object.flag("isDeleted")
        isDuplicateOf = try object.optional("isDuplicateOf")
        isImportedFromPaper = try object.flag("isImportedFromPaper")
        emission = try object.optional("emission")
        transportSignatures = try object.list("transportSignatures")
        reception = try object.optional("reception")
        processing = try object.optional("processing")
        let storage: TemporaryStorageRecord? = try object.optional("temporaryStorage")
        temporaryStorage = storage?.storage
        groupedIn = try object.list("groupedIn")
        firstPickupAt = try object.optional("firstPickupAt")
        appendix1ContainerId = try object.optional("appendix1ContainerId")
        cancellationReason = try object.optional("cancellationReason")
        version = try object.required("version")
    }
}

/// The temporary-storage part in the stored state.
struct TemporaryStorageRecord: JSONConvertible {
    var storage: TemporaryStorage

    init(_ storage: TemporaryStorage) {
        self.storage = storage
    }

    var jsonValue: JSONValue {
        var object = JSONFields()
        object.set("reception", storage.reception)
        object.set("destination", storage.destination)
        object.set("transporter", storage.transporter)
        object.set("wasteDetails", storage.wasteDetails)
        object.set("emission", storage.emission)
        object.set("transport", storage.transport)
        return object.value
    }

    init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONFields(jsonValue)
        storage = TemporaryStorage()
        storage.reception = try object.optional("reception") ?? Reception()
        storage.destination = try object.optional("destination")
        storage.transporter = try object.optional("transporter")
        storage.wasteDetails = try object.optional("wasteDetails")
        storage.emission = try object.optional("emission")
        storage.transport = try object.optional("transport")
    }
}
