import Domain
import GraphQL
import Identity
import Projections

extension FormResolvers {
    /// The multimodal operations: standalone transporters, and the deprecated segments.
    var transporterMutations: [String: FieldResolver] {
        [
            "createFormTransporter": { @Sendable _, arguments, context, _ in
                try await createTransporter(arguments.object("input"), context)
            },
            "updateFormTransporter": { @Sendable _, arguments, context, _ in
                try await updateTransporter(arguments, context)
            },
            "deleteFormTransporter": { @Sendable _, arguments, context, _ in
                try await deleteTransporter(arguments.string("id") ?? "", context)
            },
            "prepareSegment": { @Sendable _, arguments, context, _ in
                try await prepareSegment(arguments, context)
            },
            "markSegmentAsReadyToTakeOver": { @Sendable _, arguments, context, _ in
                try await changeSegment(arguments.string("id") ?? "", context) { transporter in
                    transporter.readyToTakeOver = true
                }
            },
            "editSegment": { @Sendable _, arguments, context, _ in
                let info = arguments.object("nextSegmentInfo")
                let input = try FormInputs.transporter(
                    info.object("transporter"), path: "nextSegmentInfo.transporter")
                let mode = try Self.mode(info)
                return try await changeSegment(
                    arguments.string("id") ?? "", context, siret: arguments.string("siret") ?? ""
                ) { old in
                    old = Self.merged(input, into: old)
                    old.mode = mode ?? old.mode
                }
            },
            "takeOverSegment": { @Sendable _, arguments, context, _ in
                try await takeOverSegment(arguments, context)
            },
        ]
    }

    /// The transporter `id` for `transporters: [ID!]` of a BSD being created or updated
    /// (`formId`): one already on that BSD as it is there, else a standalone one the caller
    /// made or that names one of the caller's companies, not deleted and on no other BSD.
    func standaloneTransporter(
        _ id: String, _ caller: Caller, attachingTo formId: String?
    ) throws(APIError) -> Transporter {
        let missing = Self.missingTransporter(id)
        let standalone = try transporterState(id)
        var holder = standalone?.formId
        if holder == nil { holder = try attachedForm(id) }
        if let holder {
            // On a BSD the caller cannot see, the id answers as one that does not exist.
            let state = try visibleForm(holder, of: id, caller)
            guard holder == formId else {
                var error = APIError(.badUserInput, "Transporter \(id) is already on another BSD.")
                error.issues = [("transporters", "TRANSPORTER_ALREADY_USED")]
                throw error
            }
            guard let onForm = state.content.transporters.first(where: { $0.id == id }) else {
                throw missing
            }
            return onForm
        }
        guard let standalone, !standalone.isDeleted, owns(standalone, caller) else { throw missing }
        var transporter = standalone.transporter
        transporter.id = id
        return transporter
    }

    private func createTransporter(
        _ input: JSONObject, _ context: any Sendable
    ) async throws(APIError) -> JSON {
        let caller = try caller(context)
        guard
            let orgId = caller.access.roles.keys.sorted().first(where: {
                caller.access.roles[$0] != .driver && caller.access.allows($0, .editTransporters)
            })
        else {
            throw APIError(
                .forbidden, "Only a MEMBER or ADMIN of a company may create transporters.")
        }
        let id = WallClock.newId()
        var transporter = try withReceipt(FormInputs.transporter(input, path: "input"))
        transporter.id = id
        let created = try await runTransporter(id) { () async throws(FormTransporterError) in
            try await transporters.create(
                transporter, actor: Actor(userId: caller.userId, companyOrgId: orgId), now: now(),
                id: id)
        }
        return FormView.transporter(created.transporter, signature: nil, id: id)
    }

    private func updateTransporter(
        _ arguments: JSONObject, _ context: any Sendable
    ) async throws(APIError) -> JSON {
        let caller = try caller(context)
        let id = arguments.string("id") ?? ""
        let input = try FormInputs.transporter(arguments.object("input"), path: "input")
        if let formId = try attachedForm(id) {
            let state = try await changeOnForm(formId, id, caller) { old in
                old = Self.merged(input, into: old)
            }
            return try renderTransporter(id, of: state)
        }
        let standalone = try ownedStandalone(id, caller)
        let changed = try withReceipt(Self.merged(input, into: standalone.transporter))
        let updated = try await runTransporter(id) { () async throws(FormTransporterError) in
            try await transporters.update(
                id: id, changed, actor: Actor(userId: caller.userId), now: now(),
                checkedVersion: standalone.version)
        }
        return FormView.transporter(updated.transporter, signature: nil, id: id)
    }

    private func deleteTransporter(
        _ id: String, _ context: any Sendable
    ) async throws(APIError) -> JSON {
        let caller = try caller(context)
        if let formId = try attachedForm(id) {
            let state = try visibleForm(formId, of: id, caller)
            var content = state.content
            content.transporters.removeAll { $0.id == id }
            let orgId = try authorize(.editTransporters, on: state, caller: caller)
            try Self.checkDriver(caller, orgId, changing: nil, into: nil)
            _ = try await execute(.update(content), on: state, caller: caller, orgId: orgId)
            return .string(id)
        }
        let standalone = try ownedStandalone(id, caller)
        _ = try await runTransporter(id) { () async throws(FormTransporterError) in
            try await transporters.delete(
                id: id, actor: Actor(userId: caller.userId), now: now(),
                checkedVersion: standalone.version)
        }
        return .string(id)
    }

    /// prepareSegment: the transporter `siret` (one of the caller's, on the BSD) hands over
    /// to a new one, added at the end of the chain and not ready yet.
    private func prepareSegment(
        _ arguments: JSONObject, _ context: any Sendable
    ) async throws(APIError) -> JSON {
        let caller = try caller(context)
        let state = try visibleState(arguments.string("id") ?? "", caller)
        try Self.checkSegmentSiret(
            arguments.string("siret") ?? "", on: state, caller, doing: "prepare the next segment")
        let info = arguments.object("nextSegmentInfo")
        var next = try withReceipt(
            FormInputs.transporter(info.object("transporter"), path: "nextSegmentInfo.transporter"))
        next.mode = try Self.mode(info) ?? next.mode
        next.id = WallClock.newId()
        next.readyToTakeOver = false
        var content = state.content
        content.transporters.append(next)
        let orgId = try authorize(.editTransporters, on: state, caller: caller)
        try Self.checkDriver(caller, orgId, changing: nil, into: nil)
        _ = try await execute(.update(content), on: state, caller: caller, orgId: orgId)
        return try renderSegment(next.id ?? "", formId: state.id)
    }

    private func takeOverSegment(
        _ arguments: JSONObject, _ context: any Sendable
    ) async throws(APIError) -> JSON {
        let caller = try caller(context)
        let id = arguments.string("id") ?? ""
        guard let formId = try attachedForm(id) else { throw Self.missingSegment(id) }
        let state = try visibleForm(formId, of: id, caller, noun: .segment)
        let info = arguments.object("takeOverInfo")
        let at = try FormInputs.timestamp(info.string("takenOverAt") ?? "", path: "takenOverAt")
        var input = SignTransportInput(
            takenOverAt: at, takenOverBy: info.string("takenOverBy") ?? "")
        input.transporterId = id
        let orgId = try authorize(.signTransport, on: state, caller: caller)
        _ = try await execute(.signTransport(input), on: state, caller: caller, orgId: orgId)
        return try renderSegment(id, formId: formId)
    }

    /// Changes segment `id` (a transporter on a BSD) with `change`; with `siret` (editSegment),
    /// only for a caller acting as that transporter of the BSD.
    private func changeSegment(
        _ id: String, _ context: any Sendable, siret: String? = nil,
        _ change: (inout Transporter) -> Void
    ) async throws(APIError) -> JSON {
        let caller = try caller(context)
        guard let formId = try attachedForm(id) else { throw Self.missingSegment(id) }
        _ = try await changeOnForm(
            formId, id, caller, noun: .segment,
            check: { state throws(APIError) in
                guard let siret else { return }
                try Self.checkSegmentSiret(siret, on: state, caller, doing: "edit a segment")
            }, change)
        return try renderSegment(id, formId: formId)
    }

    /// Changes transporter `id` on BSD `formId` with one update of the BSD; returns the BSD
    /// as it was before.
    private func changeOnForm(
        _ formId: String, _ id: String, _ caller: Caller, noun: TransporterNoun = .transporter,
        check: (FormState) throws(APIError) -> Void = { _ in },
        _ change: (inout Transporter) -> Void
    ) async throws(APIError) -> FormState {
        let state = try visibleForm(formId, of: id, caller, noun: noun)
        try check(state)
        var content = state.content
        guard let index = content.transporters.firstIndex(where: { $0.id == id }) else {
            throw noun.missing(id)
        }
        change(&content.transporters[index])
        content.transporters[index] = try withReceipt(content.transporters[index])
        let orgId = try authorize(.editTransporters, on: state, caller: caller)
        // Both sides with the receipt from the company profile, which is not the caller's.
        try Self.checkDriver(
            caller, orgId, changing: try withReceipt(state.content.transporters[index]),
            into: content.transporters[index])
        _ = try await execute(.update(content), on: state, caller: caller, orgId: orgId)
        return state
    }

    /// The deprecated segment mutations act for `siret`, which must be one of the caller's
    /// companies and a transporter on the BSD; FORBIDDEN otherwise.
    static func checkSegmentSiret(
        _ siret: String, on state: FormState, _ caller: Caller, doing what: String
    ) throws(APIError) {
        guard caller.access.roles[siret] != nil,
            state.content.transporters.contains(where: { $0.company?.orgId == siret })
        else {
            throw APIError(
                .forbidden,
                "Only a transporter on the BSD, acting as one of your companies (siret), may"
                    + " \(what).")
        }
    }

    /// A caller acting as a DRIVER (no other role of theirs allows the change) may only
    /// change the plates and custom info of their own company's transporter entry, as
    /// BsdCanUpdate "for plates" in the reference; adding, removing or rewriting a
    /// transporter (nil `before` or `after`) is FORBIDDEN.
    static func checkDriver(
        _ caller: Caller, _ orgId: String, changing before: Transporter?,
        into after: Transporter?
    ) throws(APIError) {
        guard caller.access.roles[orgId] == .driver else { return }
        let refusal = APIError(
            .forbidden,
            "A DRIVER may change only the plates and custom info of its own company's"
                + " transporter.")
        guard let before, let after, before.company?.orgId == orgId else { throw refusal }
        var unchanged = after
        unchanged.numberPlates = before.numberPlates
        unchanged.customInfo = before.customInfo
        guard unchanged == before else { throw refusal }
    }

    private func renderTransporter(_ id: String, of before: FormState) throws(APIError) -> JSON {
        let state = try self.state(before.id)
        guard let index = state.content.transporters.firstIndex(where: { $0.id == id }) else {
            throw Self.missingTransporter(id)
        }
        return FormView.transporter(
            state.content.transporters[index],
            signature: FormView.signature(state, number: index + 1), id: id)
    }

    private func renderSegment(_ id: String, formId: String) throws(APIError) -> JSON {
        let state = try state(formId)
        guard case .list(let segments) = FormView.segments(state),
            let segment = segments.first(where: {
                if case .object(let object) = $0, object["id"] == .string(id) { return true }
                return false
            })
        else { throw Self.missingSegment(id) }
        return segment
    }

    /// Whether the caller may edit `standalone`: its role in the company it names, or in the
    /// company its author acted for, allows editing transporters (so not a READER, nor a
    /// DRIVER, whose transport rights do not cover rewriting a transporter).
    private func owns(_ standalone: StandaloneTransporter, _ caller: Caller) -> Bool {
        let orgIds = [standalone.transporter.company?.orgId, standalone.createdBy.companyOrgId]
        return orgIds.contains { orgId in
            guard let orgId, let role = caller.access.roles[orgId] else { return false }
            return role != .driver && caller.access.allows(orgId, .editTransporters)
        }
    }

    private func ownedStandalone(
        _ id: String, _ caller: Caller
    ) throws(APIError) -> StandaloneTransporter {
        guard let standalone = try transporterState(id), !standalone.isDeleted,
            owns(standalone, caller)
        else { throw Self.missingTransporter(id) }
        return standalone
    }

    private func transporterState(_ id: String) throws(APIError) -> StandaloneTransporter? {
        do {
            return try transporters.state(id: id)
        } catch {
            throw APIError(.internalServerError, "Internal error; it has been logged.")
        }
    }

    private func attachedForm(_ id: String) throws(APIError) -> String? {
        do {
            return try queries.formId(transporterId: id)
        } catch {
            throw APIError(error)
        }
    }

    /// The BSD `formId` holding transporter `id`, if the caller may read it; otherwise the
    /// answer for an id that does not exist, which does not name the BSD.
    func visibleForm(
        _ formId: String, of id: String, _ caller: Caller, noun: TransporterNoun = .transporter
    ) throws(APIError) -> FormState {
        let state = try state(formId)
        guard state.exists, caller.access.canRead(state) else { throw noun.missing(id) }
        return state
    }

    static func missingTransporter(_ id: String) -> APIError {
        TransporterNoun.transporter.missing(id)
    }

    static func missingSegment(_ id: String) -> APIError { TransporterNoun.segment.missing(id) }

    private func runTransporter(
        _ id: String, _ body: () async throws(FormTransporterError) -> StandaloneTransporter
    ) async throws(APIError) -> StandaloneTransporter {
        do {
            return try await body()
        } catch .conflict {
            throw APIError(.conflict, "The transporter changed while your request ran; retry.")
        } catch .domain(.validationFailed(let issues)) {
            var error = APIError(.badUserInput, "The transporter has \(issues.count) error(s).")
            error.issues = issues.map {
                (APIError.outwardPath($0.path), APIError.outwardCode($0.code))
            }
            throw error
        } catch .domain(.transporterAttached) {
            throw APIError(.conflict, "The transporter was put on a BSD meanwhile; retry.")
        } catch .domain {
            throw Self.missingTransporter(id)
        } catch {
            throw APIError(.internalServerError, "Internal error; it has been logged.")
        }
    }

    /// The fields given in `input` over `old`: what the input leaves empty stays.
    static func merged(_ input: Transporter, into old: Transporter) -> Transporter {
        var result = old
        if let company = input.company { result.company = company }
        if input.isExemptedOfReceipt { result.isExemptedOfReceipt = true }
        result.receipt = input.receipt ?? old.receipt
        result.department = input.department ?? old.department
        result.validityLimit = input.validityLimit ?? old.validityLimit
        if !input.numberPlates.isEmpty { result.numberPlates = input.numberPlates }
        result.mode = input.mode ?? old.mode
        result.customInfo = input.customInfo ?? old.customInfo
        return result
    }

    private static func mode(_ info: JSONObject) throws(APIError) -> TransportMode? {
        try info.string("mode").map { name throws(APIError) in try enumValue(name, "mode") }
    }

    /// Now, as the domain's timestamp.
    func now() -> Timestamp { Timestamp(microseconds: WallClock.microseconds()) }
}
