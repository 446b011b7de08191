import Domain
import GraphQL
import Identity
import Projections

extension FormResolvers {
    /// `form(id, readableId)`: NOT_FOUND alike for absent and invisible BSDs.
    func form(_ arguments: JSONObject, _ context: any Sendable) throws(APIError) -> JSON {
        let caller = try caller(context)
        let id: String
        if let given = arguments.string("id") {
            id = given
        } else if let readableId = arguments.string("readableId") {
            guard let found = try formId(readableId: readableId) else {
                throw Self.notFound(readableId)
            }
            id = found
        } else {
            var error = APIError(.badUserInput, "Give the BSD's id or readableId.")
            error.issues = [("id", "REQUIRED")]
            throw error
        }
        if let asOf = arguments.string("asOf") { return try formAsOf(id, asOf: asOf, caller) }
        // The projection's reading rule includes the emitters of the BSDs a regroupement
        // groups, which the pure access check cannot see (reference §5).
        let companies = Set(caller.access.roles.keys)
        return try read { reader throws -> JSON in
            guard let state = try reader.form(id: id, companies: companies) else {
                throw Self.notFound(arguments.string("readableId") ?? id)
            }
            return try Self.render(state, reader)
        }
    }

    /// `forms(...)`: one page of a company's BSDs, newest first.
    func forms(_ arguments: JSONObject, _ context: any Sendable) throws(APIError) -> JSON {
        let caller = try caller(context)
        var filter = FormsFilter(siret: try siret(arguments, caller))
        filter.roles = try arguments.strings("roles").map { names throws(APIError) in
            Set(try names.map { name throws(APIError) in try Self.enumValue(name, "roles") })
        }
        filter.status = try arguments.strings("status").map { names throws(APIError) in
            Set(try names.map { name throws(APIError) in try Self.enumValue(name, "status") })
        }
        if case .bool(let next)? = arguments["hasNextStep"] { filter.hasNextStep = next }
        filter.siretPresentOnForm = arguments.string("siretPresentOnForm")
        filter.wasteCode = arguments.string("wasteCode")
        filter.customId = arguments.string("customId")
        filter.updatedAfter = try arguments.string("updatedAfter").map { text throws(APIError) in
            try FormInputs.timestamp(text, path: "updatedAfter").microseconds
        }
        filter.sentAfter = try arguments.string("sentAfter").map { text throws(APIError) in
            try FormInputs.timestamp(text, path: "sentAfter").microseconds
        }
        filter.first = try pageSize(arguments, "first")
        filter.last = try pageSize(arguments, "last")
        filter.cursorAfter = arguments.string("cursorAfter")
        filter.cursorBefore = arguments.string("cursorBefore")
        let companies = Set(caller.access.roles.keys)
        return try read { reader throws -> JSON in
            let states = try reader.forms(filter, companies: companies)
            return .list(try states.map { try Self.render($0, reader) })
        }
    }

    /// `formsLifeCycle(...)`: one page of a company's status log.
    func lifecycle(_ arguments: JSONObject, _ context: any Sendable) throws(APIError) -> JSON {
        let caller = try caller(context)
        var filter = LifecycleFilter(siret: try siret(arguments, caller))
        filter.loggedBefore = try arguments.string("loggedBefore").map { text throws(APIError) in
            try FormInputs.timestamp(text, path: "loggedBefore").microseconds
        }
        filter.loggedAfter = try arguments.string("loggedAfter").map { text throws(APIError) in
            try FormInputs.timestamp(text, path: "loggedAfter").microseconds
        }
        filter.cursorAfter = arguments.string("cursorAfter")
        filter.cursorBefore = arguments.string("cursorBefore")
        filter.formId = arguments.string("formId")
        let companies = Set(caller.access.roles.keys)
        let page = try read { reader in try reader.lifecycle(filter, companies: companies) }
        let emails = try userEmails(Set(page.statusLogs.compactMap(\.userId)))
        return FormView.lifecycle(page) { emails[$0] }
    }

    /// The company a list is about: `siret` when given (it must be one of the caller's),
    /// else the caller's only company.
    func siret(_ arguments: JSONObject, _ caller: Caller) throws(APIError) -> String {
        if let siret = arguments.string("siret") {
            guard caller.access.roles[siret] != nil else {
                throw APIError(.forbidden, "You are not a member of company \(siret).")
            }
            return siret
        }
        let companies = caller.access.roles.keys
        guard companies.count == 1, let only = companies.first else {
            var error = APIError(
                .badUserInput,
                companies.isEmpty
                    ? "You belong to no company yet."
                    : "You belong to several companies: give siret.")
            error.issues = [("siret", "REQUIRED")]
            throw error
        }
        return only
    }

    private func pageSize(_ arguments: JSONObject, _ name: String) throws(APIError) -> Int? {
        guard case .int(let size)? = arguments[name] else { return nil }
        guard (1...FormsFilter.maximumPage).contains(size) else {
            var error = APIError(
                .badUserInput, "\(name) must be between 1 and \(FormsFilter.maximumPage).")
            error.issues = [(name, "INVALID_VALUE")]
            throw error
        }
        return size
    }

    private func userEmails(_ ids: Set<String>) throws(APIError) -> [String: String] {
        var emails: [String: String] = [:]
        for id in ids {
            let user = try IdentityResolvers.identityValue { () throws(IdentityError) in
                try identity.queries.user(id: id)
            }
            if let user { emails[id] = user.email }
        }
        return emails
    }

    /// An enum argument's value (the schema already checked it is one of the names).
    static func enumValue<E: RawRepresentable<String>>(
        _ name: String, _ argument: String
    ) throws(APIError) -> E {
        guard let value = E(rawValue: name) else {
            var error = APIError(.badUserInput, "\(argument): unknown value \(name).")
            error.issues = [(argument, "INVALID_VALUE")]
            throw error
        }
        return value
    }
}
