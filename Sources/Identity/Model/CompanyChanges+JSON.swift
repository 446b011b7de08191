import CanonicalJSON

extension CompanyChanges {
    var jsonValue: JSONValue {
        var members: [String: JSONValue] = [:]
        if let name { members["name"] = .string(name) }
        if let address { members["address"] = .string(address) }
        if let companyTypes {
            members["companyTypes"] = .array(companyTypes.map { .string($0.rawValue) })
        }
        if let transporterReceiptId {
            members["transporterReceiptId"] = .string(transporterReceiptId)
        }
        return .object(members)
    }

    init(json: Fields) throws(JSONError) {
        self.init(
            name: try json.optionalString("name"), address: try json.optionalString("address"),
            companyTypes: json.has("companyTypes") ? try json.companyTypes("companyTypes") : nil,
            transporterReceiptId: try json.optionalString("transporterReceiptId"))
    }
}
