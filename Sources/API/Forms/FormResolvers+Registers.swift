import GraphQL
import Identity
import Projections

extension FormResolvers {
    /// `wastesRegistryCsv` and `wastesRegistryXls`: download links to registers.
    var registerQueries: [String: FieldResolver] {
        [
            "wastesRegistryCsv": { @Sendable _, arguments, context, _ in
                try await registerLink(arguments, context, format: .csv)
            },
            "wastesRegistryXls": { @Sendable _, arguments, context, _ in
                try await registerLink(arguments, context, format: .xlsx)
            },
        ]
    }

    /// A `FileDownload` whose link gives the `registryType` register of every company of
    /// `sirets` in one file, for the dates of `where.createdAt`. The caller must hold a role
    /// with `RegistryCanRead` in each company, or inspector rights covering it (the read is
    /// then recorded); the file is made when the link is followed.
    func registerLink(
        _ arguments: JSONObject, _ context: any Sendable, format: RegisterDownload.Format
    ) async throws(APIError) -> JSON {
        let caller = try caller(context)
        let type: RegisterType = try Self.enumValue(
            arguments.string("registryType") ?? "", "registryType")
        let sirets = try registerSirets(arguments)
        let (from, to) = try Self.registerRange(arguments.object("where").object("createdAt"))
        let readable = caller.access.roles.filter { Permissions.can($0.value, .registryCanRead) }
        let controlled = try await controlledRegisters(
            sirets.filter { readable[$0] == nil }, context, caller,
            operation: format == .csv ? "wastesRegistryCsv" : "wastesRegistryXls", from: from,
            to: to)
        let download = RegisterDownload(
            userId: caller.userId, sirets: sirets, type: type, format: format, from: from,
            to: to, companies: Set(readable.keys).union(controlled),
            issuedAt: WallClock.microseconds())
        let link = downloads.issue(.register(download))
        return .object([
            "token": .string(link.token), "downloadLink": .string(link.downloadLink),
        ])
    }

    /// The SIRETs asked for, each once, in their order; at least one.
    private func registerSirets(_ arguments: JSONObject) throws(APIError) -> [String] {
        var seen: Set<String> = []
        let sirets = (arguments.strings("sirets") ?? []).filter { seen.insert($0).inserted }
        guard !sirets.isEmpty else {
            throw InputReader.error([("sirets", InputIssueCode.required.rawValue)])
        }
        return sirets
    }

    /// FORBIDDEN unless the caller's role in `siret` may read its register (READER, MEMBER,
    /// ADMIN; not DRIVER, as in the reference's code).
    func checkRegisterAccess(_ siret: String, _ caller: Caller) throws(APIError) {
        guard let role = caller.access.roles[siret] else {
            throw APIError(.forbidden, "You are not a member of company \(siret).")
        }
        guard Permissions.can(role, .registryCanRead) else {
            throw APIError(
                .forbidden,
                "Your role in company \(siret) (\(role.rawValue)) may not read its registers.")
        }
    }

    /// `[from, to)` in µs from a `DateFilter`: `_gte`/`_gt` set the start (the later one
    /// wins), `_lte`/`_lt` the end (the earlier one wins); no start is the epoch, no end is
    /// none. An empty range is BAD_USER_INPUT.
    static func registerRange(_ filter: JSONObject) throws(APIError) -> (Int64, Int64) {
        func instant(_ name: String) throws(APIError) -> Int64? {
            guard let text = filter.string(name) else { return nil }
            return try FormInputs.timestamp(text, path: "where.createdAt.\(name)").microseconds
        }
        let starts = [try instant("_gte"), try instant("_gt").map { $0 + 1 }].compactMap { $0 }
        let ends = [try instant("_lt"), try instant("_lte").map { $0 + 1 }].compactMap { $0 }
        let from = starts.max() ?? 0
        let to = ends.min() ?? Int64.max
        guard from < to else {
            throw InputReader.error([
                ("where.createdAt", InputIssueCode.conflictingFields.rawValue)
            ])
        }
        return (from, to)
    }
}
