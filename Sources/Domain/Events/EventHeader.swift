import CanonicalJSON

/// What every BSD event says: which BSD, when, and who acted.
public struct EventHeader: Hashable, Sendable {
    /// The BSD's opaque id.
    public var formId: String
    /// When the decision was taken (from the decision context).
    public var at: Timestamp
    /// Who acted.
    public var actor: Actor

    /// Makes a header.
    public init(formId: String, at: Timestamp, actor: Actor) {
        self.formId = formId
        self.at = at
        self.actor = actor
    }

    /// Starts a payload object holding the header's members.
    func builder() -> JSONObjectBuilder {
        var object = JSONObjectBuilder()
        object.set("formId", formId)
        object.set("at", at)
        object.set("actor", actor)
        return object
    }

    /// Reads the header's members from a payload object.
    init(_ object: JSONObjectReader) throws(JSONError) {
        formId = try object.required("formId")
        at = try object.required("at")
        actor = try object.required("actor")
    }
}
