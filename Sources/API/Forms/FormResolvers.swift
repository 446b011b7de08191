import Audit
import Domain
import GraphQL
import Identity
import Ledger
import Projections

/// The resolvers of the BSDD operations (reference §1.3, §6). Every operation loads the BSD,
/// checks what the caller may do with ``FormAccess``, then reads or runs one command through
/// ``FormCommands`` against the version it checked, so a concurrent change gives CONFLICT.
struct FormResolvers: Sendable {
    let identity: IdentityService
    let commands: FormCommands
    let queries: FormQueries
    let transporters: FormTransporters
    let ledger: Ledger
    /// The download links of `FileDownload` answers (registers).
    var downloads = DownloadTokens()
    /// The signed tree heads of `treeHead` and `formHistoryBundle`; nil: those fields fail.
    var treeHeads: TreeHeads?
    /// How long the road-control links of `createPdfAccessToken` work.
    var roadControlLifetime: Duration = .seconds(1_800)
    /// Inspector rights (reading every BSD and register, each read recorded); nil: none.
    var inspection: InspectionGate?

    /// Makes the resolvers over a ledger opened with the forms projection.
    init(identity: IdentityService, ledger: Ledger) {
        self.identity = identity
        self.ledger = ledger
        commands = FormCommands(ledger: ledger)
        queries = FormQueries(ledger: ledger)
        transporters = FormTransporters(ledger: ledger)
    }

    /// The caller and what they may do: their user id and memberships.
    struct Caller: Sendable {
        /// The user id.
        let userId: String
        /// The permission checker over the user's memberships.
        let access: FormAccess
    }

    /// The authenticated caller, or UNAUTHENTICATED.
    func caller(_ context: any Sendable) throws(APIError) -> Caller {
        let userId = try ResolverSupport.context(context).requireUser()
        let memberships = try IdentityResolvers.identityValue { () throws(IdentityError) in
            try identity.queries.myCompanies(userId: userId)
        }
        return Caller(userId: userId, access: FormAccess(memberships: memberships))
    }

    /// The BSD `id` as stored, whoever may read it; a blank state when there is none.
    func state(_ id: String) throws(APIError) -> FormState {
        try read { reader in try reader.state(id) ?? FormState(id: id) }
    }

    /// The id of the BSD with this readable id, or nil.
    func formId(readableId: String) throws(APIError) -> String? {
        try read { reader in try reader.formId(readableId: readableId) }
    }

    /// Runs `body` in one read transaction of the forms projection.
    func read<R>(_ body: (FormReader) throws -> R) throws(APIError) -> R {
        try APIError.fromQuery { try queries.read(body) }
    }

    /// The BSD `id` if the caller may read it, else NOT_FOUND (the same answer as for a BSD
    /// that does not exist).
    func visibleState(_ id: String, _ caller: Caller) throws(APIError) -> FormState {
        let state = try state(id)
        guard state.exists, caller.access.canRead(state) else { throw Self.notFound(id) }
        return state
    }

    /// The one answer for absent and invisible BSDs.
    static func notFound(_ id: String) -> APIError {
        APIError(.notFound, "No BSD \(id) that you can see.")
    }

    /// Renders BSD `id` as the schema's `Form`, with the BSDs it links to.
    func render(_ id: String) throws(APIError) -> JSON {
        try read { reader in
            guard let state = try reader.state(id) else { throw Self.notFound(id) }
            return try Self.render(state, reader)
        }
    }

    /// The `Form` fields the running query or mutation reads, set around resolvers whose
    /// field returns `Form`s; nil (render every field) anywhere else.
    @TaskLocal static var wantedFormFields: Set<String>?

    /// Renders `state` with its linked BSDs read from `reader`: the fields the running
    /// resolver's selection reads (``wantedFormFields``), or all of them.
    static func render(_ state: FormState, _ reader: FormReader) throws -> JSON {
        let wanted = wantedFormFields
        var linked: [String: FormState] = [:]
        for id in linkedIds(of: state, wanted: wanted) where linked[id] == nil {
            if let form = try reader.state(id) { linked[id] = form }
        }
        return FormView(linked: { linked[$0] }).json(state, wanted: wanted)
    }

    /// The BSDs a `Form` rendering of `state` shows (the annexe links, when `wanted`, the
    /// selected fields, reads them; nil: every field): what it groups, where it is grouped.
    static func linkedIds(of state: FormState, wanted: Set<String>?) -> [String] {
        let showsLinks =
            wanted.map { !$0.isDisjoint(with: ["grouping", "appendix2Forms", "groupedIn"]) }
            ?? true
        guard showsLinks else { return [] }
        return state.content.grouping.map(\.formId) + state.groupedIn.map(\.formId)
    }

    /// Checks `action` on `state` for `caller`, typing `securityCode` when the step's company
    /// is not one of theirs; returns the company the caller acts for.
    func authorize(
        _ action: FormAction, on state: FormState, caller: Caller, securityCode: Int? = nil
    ) throws(APIError) -> String {
        switch caller.access.verdict(action, on: state) {
        case .allowed(let orgId):
            return orgId
        case .notFound:
            throw Self.notFound(state.id)
        case .forbidden(let reason):
            throw APIError(.forbidden, reason)
        case .needsSecurityCode(let orgId):
            guard let securityCode else {
                throw APIError(
                    .forbidden,
                    "Only a member of \(orgId) may sign this step, or someone typing its"
                        + " security code (securityCode).")
            }
            try checkSecurityCode(securityCode, orgId: orgId, userId: caller.userId)
            return orgId
        }
    }

    private func checkSecurityCode(_ code: Int, orgId: String, userId: String) throws(APIError) {
        do {
            try identity.checkSecurityCode(userId: userId, orgId: orgId, code: String(code))
        } catch .wrongSecurityCode {
            var error = APIError(.forbidden, "Wrong security code for company \(orgId).")
            error.issues = [("securityCode", "WRONG_SECURITY_CODE")]
            throw error
        } catch .notFound {
            throw APIError(.forbidden, "Company \(orgId) is not registered: no security code.")
        } catch {
            throw APIError(error)
        }
    }

    /// Runs `command` on the BSD the caller checked at `state.version`, acting for
    /// `orgId`, and returns the id of the BSD it acted on (or created).
    func execute(
        _ command: FormCommand, on state: FormState?, caller: Caller, orgId: String,
        companies: [String: Domain.CompanyProfile]? = nil
    ) async throws(APIError) -> String {
        var request = CommandRequest(
            command, formId: state?.exists == true ? state?.id : nil,
            actor: Actor(userId: caller.userId, companyOrgId: orgId),
            now: Timestamp(microseconds: WallClock.microseconds()))
        if let state, state.exists { request.expectedVersion = state.version }
        request.companies = companies
        request.authorOrgIds = try authorOrgIds(command, on: state, caller: caller)
        let creates = FormCommands.createsForm(command, state ?? FormState())
        if creates { request.newFormId = WallClock.newId() }
        // A drawn readable id is taken about once in 10¹³ draws; three draws are plenty.
        for attempt in 1...3 {
            if creates { request.newReadableId = ReadableIdDraw.next(at: request.now) }
            do {
                return try await commands.execute(request).formId
            } catch .readableIdTaken where attempt < 3 {
                continue
            } catch {
                throw APIError(error)
            }
        }
        preconditionFailure("the last attempt returns or throws")
    }

    /// The companies of the author of the draft `command` makes or changes, from which its
    /// readers are drawn (reference §5): the caller's for a creation or duplication, the
    /// creator's current ones for a change of a draft; nil for anything else.
    private func authorOrgIds(
        _ command: FormCommand, on state: FormState?, caller: Caller
    ) throws(APIError) -> Set<String>? {
        switch command {
        case .create, .duplicate:
            return Set(caller.access.roles.keys)
        case .update where state?.status == .draft:
            guard let author = state?.createdBy.userId, author != caller.userId else {
                return Set(caller.access.roles.keys)
            }
            let memberships = try IdentityResolvers.identityValue { () throws(IdentityError) in
                try identity.queries.myCompanies(userId: author)
            }
            return Set(memberships.map(\.orgId))
        default:
            return nil
        }
    }

    /// The query resolvers.
    var queryResolvers: [String: FieldResolver] {
        [
            "form": { @Sendable _, arguments, context, _ in
                try await formOrControl(arguments, context)
            },
            "forms": { @Sendable _, arguments, context, _ in
                try forms(arguments, context)
            },
            "formsLifeCycle": { @Sendable _, arguments, context, _ in
                try lifecycle(arguments, context)
            },
            "formHistory": { @Sendable _, arguments, context, _ in
                try formHistory(arguments, context)
            },
            "formEvents": { @Sendable _, arguments, context, _ in
                try formEvents(arguments, context)
            },
            "treeHead": { @Sendable _, arguments, context, _ in
                try treeHead(arguments, context)
            },
            "formHistoryBundle": { @Sendable _, arguments, context, _ in
                try formHistoryBundle(arguments, context)
            },
        ].merging(registerQueries) { first, _ in first }
            .merging(pdfQueries) { first, _ in first }
            .mapValues(Self.rendersSelectedFields)
    }

    /// The mutation resolvers.
    var mutationResolvers: [String: FieldResolver] {
        contentMutations.merging(stepMutations) { first, _ in first }
            .merging(transporterMutations) { first, _ in first }
            .merging(pdfMutations) { first, _ in first }
            .mapValues(Self.rendersSelectedFields)
    }

    /// `resolve`, rendering only the fields its selection reads when the field returns
    /// `Form`s (``wantedFormFields``); other fields run as they are.
    static func rendersSelectedFields(_ resolve: @escaping FieldResolver) -> FieldResolver {
        { @Sendable source, arguments, context, info in
            guard info.returnType.namedType == "Form" else {
                return try await resolve(source, arguments, context, info)
            }
            return try await $wantedFormFields.withValue(info.selectedFieldNames) {
                try await resolve(source, arguments, context, info)
            }
        }
    }
}
