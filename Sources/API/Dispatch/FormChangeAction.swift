/// What a committed event did to a BSD, in Trackdéchets' webhook vocabulary.
enum FormChangeAction: String, Sendable, Equatable {
    /// The first event of the BSD's stream (creation or paper import).
    case created = "CREATED"
    /// Any later event but a deletion.
    case updated = "UPDATED"
    /// The BSD was deleted (`FormDeleted`).
    case deleted = "DELETED"

    /// The action of event `type` at `streamVersion` of a BSD's stream.
    static func of(type: String, streamVersion: UInt64) -> FormChangeAction {
        if type == "FormDeleted" { return .deleted }
        return streamVersion == 0 ? .created : .updated
    }
}
