import GraphQL
import Identity
import Inspection
import Ledger

/// Decides whether a request may use inspector rights, and records every read made with
/// them before it is answered (reference §5: the rights apply from the authorised networks
/// only, to the authorised companies or all).
struct InspectionGate: Sendable {
    let directory: InspectorDirectory
    let log: ControlLog

    /// The caller's usable grant: nil when the user is no (active) inspector.
    /// - Throws: FORBIDDEN when the user is an inspector but the request comes from outside
    ///   the grant's networks.
    func grant(_ context: RequestContext) throws(APIError) -> InspectorGrant? {
        guard let userId = context.userId else { return nil }
        let grant: InspectorGrant?
        do { grant = try directory.activeGrant(userId: userId) } catch { throw APIError(error) }
        guard let grant else { return nil }
        guard grant.allows(address: context.remoteAddress) else {
            throw APIError(
                .forbidden,
                "Inspector rights apply only to requests from the networks they were granted for.")
        }
        return grant
    }

    /// The mutations an active inspector may still run: those that concern only the
    /// account itself (logging in, changing its password, its personal access tokens).
    /// Every other mutation writes companies, members, BSDs or webhooks, and inspectors
    /// only read (reference §5).
    static let accountMutations: Set<String> = [
        "login", "changePassword", "createAccessToken", "revokeAccessToken",
    ]

    /// FORBIDDEN when the caller is an active inspector (from whatever network) and
    /// mutation `field` is not one of ``accountMutations``.
    func refuseWrite(_ context: RequestContext, field: String) throws(APIError) {
        guard let userId = context.userId, !Self.accountMutations.contains(field) else { return }
        let grant: InspectorGrant?
        do { grant = try directory.activeGrant(userId: userId) } catch { throw APIError(error) }
        guard grant != nil else { return }
        throw APIError(
            .forbidden,
            "Inspector accounts only read: \(field) is refused to them (an inspector may only"
                + " log in, change its password and manage its access tokens).")
    }

    /// `mutations`, each first refusing active inspectors (``refuseWrite(_:field:)``): the
    /// one place the rule is enforced, for every transport that runs mutations.
    func readOnlyForInspectors(
        _ mutations: [String: FieldResolver]
    ) -> [String: FieldResolver] {
        Dictionary(
            uniqueKeysWithValues: mutations.map { field, resolve in
                let guarded: FieldResolver = { @Sendable source, arguments, context, info in
                    try refuseWrite(try ResolverSupport.context(context), field: field)
                    return try await resolve(source, arguments, context, info)
                }
                return (field, guarded)
            })
    }

    /// The caller's grant covering company `orgId`.
    /// - Throws: FORBIDDEN when the caller is no inspector, asks from elsewhere than the
    ///   grant's networks, or may not control `orgId`.
    func require(_ context: RequestContext, for orgId: String) throws(APIError) -> InspectorGrant {
        guard let grant = try grant(context) else {
            throw APIError(.forbidden, "This operation is for inspectors.")
        }
        guard grant.covers(orgId) else {
            throw APIError(.forbidden, "Your inspector rights do not cover company \(orgId).")
        }
        return grant
    }

    /// Appends the record of a read to the streams of `orgIds`; the read is answered only
    /// once the record is durable.
    func record(
        _ grant: InspectorGrant, _ context: RequestContext, operation: String,
        orgIds: Set<String>, formId: String? = nil, readableId: String? = nil,
        from: Int64? = nil, to: Int64? = nil
    ) async throws(APIError) {
        let now = Timestamp.now()
        var record = ControlRecord(
            controlId: EventID.timeOrdered(microseconds: now).description, orgId: "",
            inspectorId: grant.userId, inspectorEmail: grant.email, operation: operation,
            remoteAddress: context.remoteAddress, requestId: context.requestId, at: now)
        record.formId = formId
        record.readableId = readableId
        record.from = from
        record.to = to
        do { try await log.record(record, orgIds: orgIds) } catch { throw APIError(error) }
    }
}
