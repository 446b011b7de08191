import CanonicalJSON

/// A payload member is missing or of the wrong type (or the type itself is unknown).
public struct PayloadError: Error, Equatable, Sendable {
    /// The member at fault.
    public var member: String
}

/// Typed reads of a payload object's members for the inspection events.
struct PayloadReader {
    let members: [String: JSONValue]

    init(bytes: [UInt8]) throws(PayloadError) {
        let value: JSONValue
        do { value = try CanonicalJSON.decode(JSONValue.self, from: bytes) } catch {
            throw PayloadError(member: "")
        }
        guard let members = value.objectValue else { throw PayloadError(member: "") }
        self.members = members
    }

    func has(_ key: String) -> Bool {
        guard let value = members[key] else { return false }
        return value != .null
    }

    func string(_ key: String) throws(PayloadError) -> String {
        guard let text = members[key]?.stringValue else { throw PayloadError(member: key) }
        return text
    }

    func optionalString(_ key: String) throws(PayloadError) -> String? {
        has(key) ? try string(key) : nil
    }

    func int(_ key: String) throws(PayloadError) -> Int64 {
        guard let number = members[key]?.intValue else { throw PayloadError(member: key) }
        return number
    }

    func optionalInt(_ key: String) throws(PayloadError) -> Int64? {
        has(key) ? try int(key) : nil
    }

    func strings(_ key: String) throws(PayloadError) -> [String] {
        guard case .array(let items)? = members[key] else { throw PayloadError(member: key) }
        var texts: [String] = []
        for item in items {
            guard let text = item.stringValue else { throw PayloadError(member: key) }
            texts.append(text)
        }
        return texts
    }
}
