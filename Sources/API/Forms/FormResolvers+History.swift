import Domain
import GraphQL
import Identity
import Projections

extension FormResolvers {
    /// The largest page of `formEvents`.
    static let maximumEventsPage = 1_000

    /// `form(id, asOf:)`: the BSD as it was at a position or an instant, for a caller who
    /// may read it now.
    func formAsOf(
        _ id: String, asOf text: String, _ caller: Caller
    ) throws(APIError) -> JSON {
        let instant: LedgerInstant
        if !text.isEmpty, text.allSatisfy({ ("0"..."9").contains($0) }), let position = UInt64(text)
        {
            instant = .position(position)
        } else {
            instant = .time(try FormInputs.timestamp(text, path: "asOf").microseconds)
        }
        let companies = Set(caller.access.roles.keys)
        let past = try APIError.fromQuery { () throws in
            try FormHistory(ledger: ledger).state(formId: id, asOf: instant, companies: companies)
        }
        guard let past else { throw Self.notFound(id) }
        return try read { reader in try Self.render(past, reader) }
    }

    /// `formHistory(id | readableId)`: every event of the BSD, oldest first.
    func formHistory(_ arguments: JSONObject, _ context: any Sendable) throws(APIError) -> JSON {
        let caller = try caller(context)
        let id = try formId(arguments)
        let companies = Set(caller.access.roles.keys)
        let entries = try APIError.fromQuery { () throws in
            try FormHistory(ledger: ledger).events(formId: id, companies: companies)
        }
        guard let entries else { throw Self.notFound(arguments.string("readableId") ?? id) }
        return .list(entries.map(FormView.event))
    }

    /// `formEvents(after, first)`: the change feed, filtered to what the caller may read.
    func formEvents(_ arguments: JSONObject, _ context: any Sendable) throws(APIError) -> JSON {
        let caller = try caller(context)
        let after = try arguments.count("after", what: "a ledger position") ?? 0
        var limit = Self.maximumEventsPage
        if case .int(let first)? = arguments["first"] {
            guard (1...Self.maximumEventsPage).contains(first) else {
                var error = APIError(
                    .badUserInput, "first must be between 1 and \(Self.maximumEventsPage).")
                error.issues = [("first", "INVALID_VALUE")]
                throw error
            }
            limit = first
        }
        let companies = Set(caller.access.roles.keys)
        let page = try APIError.fromQuery { () throws in
            try ChangeFeed(ledger: ledger).page(after: after, limit: limit, companies: companies)
        }
        return FormView.events(page)
    }

    /// The id named by `id` or `readableId`.
    func formId(_ arguments: JSONObject) throws(APIError) -> String {
        if let id = arguments.string("id") { return id }
        if let readableId = arguments.string("readableId") {
            guard let id = try formId(readableId: readableId) else {
                throw Self.notFound(readableId)
            }
            return id
        }
        var error = APIError(.badUserInput, "Give the BSD's id or readableId.")
        error.issues = [("id", "REQUIRED")]
        throw error
    }
}
