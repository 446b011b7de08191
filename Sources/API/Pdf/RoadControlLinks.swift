import CanonicalJSON
import Identity
import Ledger

/// Road-control links (reference §5): a URL that opens a BSD's PDF without an account for
/// 30 minutes, made by someone who can read the BSD while it is in transit, and shown to
/// the police or customs on the road.
///
/// Links are ledger events, so they survive a restart and every use stays on record: the
/// stream `pdf-access-token-<SHA-256 of the token, hex>` starts with `PdfAccessTokenCreated`
/// and gets one `PdfAccessTokenUsed` per PDF served. Looking a token up is one read of that
/// stream; the token itself is written nowhere.
struct RoadControlLinks: Sendable {
    /// The path of links, whose query carries the token (`?token=…`) so that the request
    /// logs, which record paths without their query, never see it.
    static let path = "/road-control"

    /// The link of `token` under `baseURL`.
    static func link(baseURL: String, token: String) -> String {
        baseURL + path + "?token=" + token
    }

    let ledger: Ledger
    /// How long a link works, in µs.
    let lifetime: Int64

    /// Links over `ledger` that work for `lifetime` (30 minutes in the reference).
    init(ledger: Ledger, lifetime: Duration = .seconds(1_800)) {
        self.ledger = ledger
        let (seconds, attoseconds) = lifetime.components
        self.lifetime = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }

    /// The stream of the link whose token is `token`.
    static func stream(token: String) -> String {
        "pdf-access-token-" + Hash.sha256(Array(token.utf8)).description
    }

    /// Records a new link to BSD `formId` made by `userId` (acting for `orgId`), valid
    /// ``lifetime`` from now, and returns its token (256 random bits).
    func create(
        formId: String, readableId: String, userId: String, orgId: String?
    ) async throws(LedgerError) -> String {
        let token = RandomToken.make()
        let now = WallClock.microseconds()
        let grant = RoadControlGrant(
            tokenId: WallClock.newId(), formId: formId, readableId: readableId, userId: userId,
            issuedAt: now, expiresAt: now + lifetime)
        _ = try await ledger.append(
            [event(.created(grant), userId: userId, orgId: orgId, at: now)],
            to: Self.stream(token: token), expected: .noStream)
        return token
    }

    /// The grant of `token`, or nil when no link has this token.
    func grant(token: String) throws(LedgerError) -> RoadControlGrant? {
        guard let first = try ledger.readStream(Self.stream(token: token), limit: 1).first,
            case .created(let grant)? = RoadControlEvent.decode(
                type: first.type, payload: first.payload)
        else { return nil }
        return grant
    }

    /// Records that the link of `token` served its PDF to `address` now.
    func recordUse(
        token: String, grant: RoadControlGrant, address: String
    ) async throws(LedgerError) {
        let now = WallClock.microseconds()
        let used = RoadControlEvent.used(
            tokenId: grant.tokenId, formId: grant.formId, at: now, address: address)
        _ = try await ledger.append(
            [event(used, userId: nil, orgId: nil, at: now)], to: Self.stream(token: token),
            expected: .streamExists)
    }

    /// Every event of the link of `token`, oldest first (tests and audits).
    func events(token: String) throws(LedgerError) -> [RoadControlEvent] {
        try ledger.readStream(Self.stream(token: token)).compactMap {
            RoadControlEvent.decode(type: $0.type, payload: $0.payload)
        }
    }

    private func event(
        _ event: RoadControlEvent, userId: String?, orgId: String?, at: Int64
    ) -> NewEvent {
        NewEvent(
            id: EventID.timeOrdered(microseconds: at), type: event.type, schemaVersion: 1,
            payload: CanonicalJSON.encode(event.payload),
            metadata: EventMetadata(actingUser: userId, actingCompany: orgId))
    }
}
