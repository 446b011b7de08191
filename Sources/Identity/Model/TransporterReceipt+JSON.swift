import CanonicalJSON

extension TransporterReceipt {
    var jsonValue: JSONValue {
        [
            "id": .string(id), "receiptNumber": .string(receiptNumber),
            "validityLimit": .string(validityLimit), "department": .string(department),
        ]
    }

    init(json: Fields) throws(JSONError) {
        self.init(
            id: try json.string("id"), receiptNumber: try json.string("receiptNumber"),
            validityLimit: try json.string("validityLimit"),
            department: try json.string("department"))
    }
}
