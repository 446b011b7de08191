import CanonicalJSON

extension CompanyProfile {
    var jsonValue: JSONValue {
        [
            "orgId": .string(orgId), "siret": siret.map(JSONValue.string) ?? .null,
            "vatNumber": vatNumber.map(JSONValue.string) ?? .null, "name": .string(name),
            "address": .string(address),
            "companyTypes": .array(companyTypes.map { .string($0.rawValue) }),
        ]
    }

    init(json: Fields) throws(JSONError) {
        self.init(
            orgId: try json.string("orgId"), siret: try json.optionalString("siret"),
            vatNumber: try json.optionalString("vatNumber"), name: try json.string("name"),
            address: try json.string("address"), companyTypes: try json.companyTypes("companyTypes")
        )
    }
}
