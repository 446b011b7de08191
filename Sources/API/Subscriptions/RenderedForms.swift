import Domain
import GraphQL
import Synchronization

/// The last rendering of each BSD pushed recently, by id and version, so that the
/// subscribers who receive one change share one rendering instead of drawing the same
/// `Form` each. Only BSDs that link no other BSD are kept: the rendering of the others
/// also shows the linked BSDs, whose versions move on their own.
final class RenderedForms: Sendable {
    /// Entries beyond this count are dropped all at once (they are only a shortcut).
    static let limit = 1_024

    private struct Entry {
        var version: Int
        var json: JSON
    }

    private let entries = Mutex<[String: Entry]>([:])

    init() {}

    /// The rendering of `state`: the kept one when it is of this version, else `render()`'s,
    /// kept for the next subscriber.
    func rendering(_ state: FormState, _ render: () throws -> JSON) rethrows -> JSON {
        let keepable = state.content.grouping.isEmpty && state.groupedIn.isEmpty
        if keepable, let kept = entries.withLock({ $0[state.id] }), kept.version == state.version {
            return kept.json
        }
        let json = try render()
        if keepable {
            entries.withLock { entries in
                if entries.count >= Self.limit { entries.removeAll(keepingCapacity: true) }
                entries[state.id] = Entry(version: state.version, json: json)
            }
        }
        return json
    }
}
