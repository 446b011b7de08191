import CanonicalJSON
import Domain

/// A BSD's history written for a person: one block per event, with its changes.
public enum HistoryText {
    /// The lines describing `entries` of the BSD whose current state is `state`.
    public static func lines(_ state: FormState, _ entries: [HistoryEntry]) -> [String] {
        var lines = [
            "\(state.readableId)  id \(state.id)  status \(state.status.rawValue)"
                + (state.isDeleted ? "  (deleted)" : ""),
            "\(entries.count) events",
        ]
        for entry in entries {
            let who = entry.actor.map { actor in
                actor.userId + (actor.companyOrgId.map { " (\($0))" } ?? "")
            }
            lines.append(
                "#\(entry.position)  v\(entry.streamVersion)  "
                    + "\(CivilDate.formatDateTime(entry.recordedAt))Z  \(entry.type)  "
                    + "by \(who ?? "?")  → \(entry.status.rawValue)")
            for change in entry.changes {
                lines.append(
                    "    \(change.path): \(text(change.from)) → \(text(change.to))")
            }
        }
        return lines
    }

    private static func text(_ value: JSONValue?) -> String {
        guard let value else { return "∅" }
        return String(decoding: CanonicalJSON.encode(value), as: UTF8.self)
    }
}
