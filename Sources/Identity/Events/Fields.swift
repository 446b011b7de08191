import CanonicalJSON

/// Typed reads of a JSON object's members, throwing the codec's errors with the key at fault.
struct Fields {
    let members: [String: JSONValue]

    init(_ value: JSONValue) throws(JSONError) {
        guard case .object(let members) = value else { throw JSONError(.typeMismatch, at: 0) }
        self.members = members
    }

    init(bytes: [UInt8]) throws(JSONError) {
        try self.init(try CanonicalJSON.decode(JSONValue.self, from: bytes))
    }

    func has(_ key: String) -> Bool {
        if case .some(.null) = members[key] { return false }
        return members[key] != nil
    }

    func string(_ key: String) throws(JSONError) -> String {
        guard let value = members[key] else { throw JSONError(.missingKey, at: 0, key: key) }
        guard let text = value.stringValue else { throw JSONError(.typeMismatch, at: 0, key: key) }
        return text
    }

    func optionalString(_ key: String) throws(JSONError) -> String? {
        has(key) ? try string(key) : nil
    }

    func int(_ key: String) throws(JSONError) -> Int64 {
        guard let value = members[key] else { throw JSONError(.missingKey, at: 0, key: key) }
        guard let number = value.intValue else { throw JSONError(.typeMismatch, at: 0, key: key) }
        return number
    }

    func optionalInt(_ key: String) throws(JSONError) -> Int64? {
        has(key) ? try int(key) : nil
    }

    func bool(_ key: String) throws(JSONError) -> Bool {
        guard case .bool(let flag) = members[key] else {
            throw JSONError(.typeMismatch, at: 0, key: key)
        }
        return flag
    }

    func object(_ key: String) throws(JSONError) -> Fields {
        guard let value = members[key] else { throw JSONError(.missingKey, at: 0, key: key) }
        return try Fields(value)
    }

    func role(_ key: String) throws(JSONError) -> Role {
        guard let role = Role(rawValue: try string(key)) else {
            throw JSONError(.invalidValue, at: 0, key: key)
        }
        return role
    }

    func companyTypes(_ key: String) throws(JSONError) -> [CompanyType] {
        guard case .array(let items) = members[key] else {
            throw JSONError(.typeMismatch, at: 0, key: key)
        }
        var types: [CompanyType] = []
        for item in items {
            guard let text = item.stringValue, let type = CompanyType(rawValue: text) else {
                throw JSONError(.invalidValue, at: 0, key: key)
            }
            types.append(type)
        }
        return types
    }
}
