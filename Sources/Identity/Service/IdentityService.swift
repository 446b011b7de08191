import CanonicalJSON
import Ledger
import Logging

/// The identity operations the API calls: accounts, logins, tokens, companies, members and
/// security codes. Each write loads the streams it needs, asks a pure decider, and appends
/// the decision with the versions it read; a lost race re-runs the decision.
public final class IdentityService: Sendable {
    /// Read access to the projection.
    public let queries: IdentityQueries
    let ledger: Ledger
    let secrets: InstanceSecrets
    let configuration: IdentityConfiguration
    let logger: Logger
    let jwt: JSONWebToken
    /// Wrong security codes per user and company.
    let securityCodes = SecurityCodeGuard(limits: .perUser)
    /// Wrong security codes per company, whoever typed them.
    let companyCodes = SecurityCodeGuard(limits: .perCompany)
    /// JWTs already verified, with their user and expiry: a JWT cannot be revoked and an
    /// account cannot be deleted, so a token stays good until it expires, and checking its
    /// signature and user again on every request is the costliest part of a small query.
    let verifiedJWTs = VerifiedTokenCache()
    /// A hash checked when a login names an unknown email, so both cases cost one argon2id.
    let decoyHash: String

    /// A service over `ledger`, which must have been opened with an ``IdentityProjection``.
    /// - Throws: ``IdentityError/internalFailure(_:)`` when libsodium cannot hash.
    public init(
        ledger: Ledger, secrets: InstanceSecrets, configuration: IdentityConfiguration,
        logger: Logger
    ) throws(IdentityError) {
        self.ledger = ledger
        queries = IdentityQueries(ledger: ledger)
        self.secrets = secrets
        self.configuration = configuration
        self.logger = logger
        jwt = JSONWebToken(key: secrets.jwtKey)
        decoyHash = try configuration.passwordHashing.hash(Hex.encode(Sodium.randomBytes(16)))
    }

    var now: Int64 { configuration.clock() }

    /// Folds the stream `stream` into a state.
    func load<State: FoldableState>(
        _ type: State.Type, _ stream: String
    ) throws(IdentityError)
        -> State
    {
        var state = State()
        let events: [RecordedEvent]
        do { events = try ledger.readStream(stream) } catch { throw .storage(error) }
        for recorded in events {
            do {
                state.evolve(
                    try IdentityEvent.decode(
                        type: recorded.type, schemaVersion: recorded.schemaVersion,
                        payload: recorded.payload))
            } catch {
                throw .internalFailure(
                    "unreadable event at position \(recorded.position): \(error)")
            }
            state.version = recorded.streamVersion
        }
        return state
    }

    /// Runs `decide` and appends its decision, again with fresh states when a concurrent
    /// append changed a stream it read.
    func commit(
        actingUser: String?, _ decide: () throws(IdentityError) -> IdentityDecision
    ) async throws(IdentityError) {
        var attempt = 0
        while true {
            let decision = try decide()
            guard !decision.parts.isEmpty else { return }
            do {
                _ = try await ledger.append(appends(decision, actingUser: actingUser))
                return
            } catch .wrongExpectedVersion(let stream, _, _) {
                attempt += 1
                logger.debug(
                    "Identity decision lost a race", metadata: ["ledger.stream": stream])
                if attempt > configuration.conflictRetries {
                    throw .conflict(.concurrentChange(stream: stream))
                }
            } catch {
                throw .storage(error)
            }
        }
    }

    private func appends(_ decision: IdentityDecision, actingUser: String?) -> [StreamAppend] {
        let metadata = EventMetadata(actingUser: actingUser)
        let time = now
        return decision.parts.map { part in
            StreamAppend(
                stream: part.stream, expected: part.expected,
                events: part.events.map { event in
                    NewEvent(
                        id: .timeOrdered(microseconds: time), type: event.type,
                        schemaVersion: IdentityEvent.schemaVersion, payload: event.payloadBytes,
                        metadata: metadata)
                })
        }
    }

    /// A fresh id for a user, token or receipt.
    func newId() -> String { EventID.timeOrdered(microseconds: now).description }

    /// The account `userId`, or not found.
    func existingUser(_ userId: String) throws(IdentityError) -> UserState {
        let user = try load(UserState.self, IdentityStreams.user(userId))
        guard user.exists else { throw .notFound(.user, id: userId) }
        return user
    }

    /// The company `orgId`, or not found.
    func existingCompany(_ orgId: String) throws(IdentityError) -> CompanyState {
        let company = try load(CompanyState.self, IdentityStreams.company(orgId))
        guard company.exists else { throw .notFound(.company, id: orgId) }
        return company
    }
}
