import CanonicalJSON

/// Box 2 (and box 14 for the onward journey): where the waste goes and what is planned there.
public struct Recipient: Hashable, Sendable {
    /// The destination's acceptance certificate number (required for dangerous waste).
    public var cap: String?
    /// The planned treatment operation code, spaced (`R 1`, `D 9 F`).
    public var processingOperation: String?
    /// The destination company.
    public var company: FormCompany?
    /// Whether the destination is a temporary storage site (planned in advance).
    public var isTempStorage = false

    /// An empty recipient block.
    public init() {}
}

extension Recipient: JSONConvertible {
    /// The recipient's present fields as an object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("cap", cap)
        object.set("processingOperation", processingOperation)
        object.set("company", company)
        object.setTrue("isTempStorage", isTempStorage)
        return object.value
    }

    /// Reads a recipient object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        cap = try object.optional("cap")
        processingOperation = try object.optional("processingOperation")
        company = try object.optional("company")
        isTempStorage = try object.flag("isTempStorage")
    }
}
