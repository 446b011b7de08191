import GraphQL
import Identity
import Ledger
import Projections

/// The subscription fields: `formChanges` (a company's BSD changes) and `ledgerEvents` (every
/// event of the BSDs the caller may read). Both start from the dispatcher, with the same
/// visibility rule as the queries, and catch up from the log when given `after`.
struct SubscriptionResolvers: Sendable {
    let forms: FormResolvers
    let dispatcher: Dispatcher
    /// Renderings shared by the subscribers of one change.
    let rendered = RenderedForms()

    /// The event sources, by subscription field.
    var sources: [String: SubscriptionSourceResolver] {
        [
            "formChanges": { source, arguments, context, _ in
                try await formChanges(arguments, context, tracker: source as? DeliveryTracker)
            },
            "ledgerEvents": { source, arguments, context, _ in
                try await ledgerEvents(arguments, context, tracker: source as? DeliveryTracker)
            },
        ]
    }

    /// The field resolvers: the root fields pass each event through; `FormChange.form`
    /// renders the BSD as it is now.
    var fields: [String: [String: FieldResolver]] {
        [
            "Subscription": [
                "formChanges": { source, _, _, _ in source },
                "ledgerEvents": { source, _, _, _ in source },
            ],
            "FormChange": ["form": { source, _, _, _ in try form(source) }],
        ]
    }

    /// `formChanges(siret, after)`: the changes of BSDs company `siret` may read.
    func formChanges(
        _ arguments: JSONObject, _ context: any Sendable, tracker: DeliveryTracker?
    ) async throws(APIError) -> AsyncThrowingStream<any Sendable, any Error> {
        let caller = try forms.caller(context)
        let siret = try Self.company(arguments.string("siret"), of: caller)
        let after = try Self.after(arguments)
        let stream = ChangeStream(
            dispatcher: dispatcher, filter: { $0.readerOrgIds.contains(siret) },
            render: { Self.formChange($0, siret: siret) })
        return stream.events(after: after, tracker: tracker)
    }

    /// `ledgerEvents(after)`: every event of the BSDs one of the caller's companies may read.
    func ledgerEvents(
        _ arguments: JSONObject, _ context: any Sendable, tracker: DeliveryTracker?
    ) async throws(APIError) -> AsyncThrowingStream<any Sendable, any Error> {
        let caller = try forms.caller(context)
        let companies = Set(caller.access.roles.keys)
        let after = try Self.after(arguments)
        let stream = ChangeStream(
            dispatcher: dispatcher, filter: { !$0.readerOrgIds.isDisjoint(with: companies) },
            render: { FormView.event($0.entry) })
        return stream.events(after: after, tracker: tracker)
    }

    /// A `FormChange` object; the hidden `siret` member tells `form` whose view to render.
    static func formChange(_ change: FormChange, siret: String) -> JSON {
        .object([
            "action": .string(change.action.rawValue),
            "position": .int(Int(change.position)),
            "eventType": .string(change.eventType),
            "formId": .string(change.formId),
            "siret": .string(siret),
        ])
    }

    /// `FormChange.form`: the BSD now, if the subscribed company may still read it.
    func form(_ source: any Sendable) throws(APIError) -> JSON {
        guard case .object(let change) = source as? JSON, let id = change.string("formId"),
            let siret = change.string("siret")
        else { return .null }
        return try forms.read { reader in
            guard let state = try reader.form(id: id, companies: [siret]) else { return .null }
            return try rendered.rendering(state) { try FormResolvers.render(state, reader) }
        }
    }

    /// The company whose changes to send: `siret`, which must be one of the caller's, or the
    /// caller's only company.
    static func company(
        _ siret: String?, of caller: FormResolvers.Caller
    ) throws(APIError)
        -> String
    {
        if let siret {
            guard caller.access.roles[siret] != nil else {
                throw APIError(.forbidden, "You are not a member of company \(siret).")
            }
            return siret
        }
        guard caller.access.roles.count == 1, let only = caller.access.roles.keys.first else {
            var error = APIError(.badUserInput, "Name the company with siret.")
            error.issues = [("siret", "REQUIRED")]
            throw error
        }
        return only
    }

    /// The `after` argument: a ledger position, or nil for live changes only.
    static func after(_ arguments: JSONObject) throws(APIError) -> UInt64? {
        try arguments.count("after", what: "a ledger position")
    }
}
