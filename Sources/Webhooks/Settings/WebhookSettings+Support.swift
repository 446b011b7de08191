import CanonicalJSON
import Ledger

extension WebhookSettings {
    /// One entry of the directory: a setting and its company.
    struct DirectoryEntry {
        var settingId: String
        var orgId: String
    }

    /// The settings listed and not unlisted, in creation order, and the directory's version.
    func directoryListing() throws(WebhookError) -> (entries: [DirectoryEntry], version: UInt64?) {
        let recorded: [RecordedEvent]
        do {
            recorded = try ledger.readStream(WebhookStreams.directory)
        } catch {
            throw .ledger(error)
        }
        var entries: [DirectoryEntry] = []
        for event in recorded {
            switch WebhookSettingEvent.decode(
                type: event.type, schemaVersion: event.schemaVersion, payload: event.payload)
            {
            case .listed(let id, let orgId, _)?:
                entries.append(DirectoryEntry(settingId: id, orgId: orgId))
            case .unlisted(let id, _)?:
                entries.removeAll { $0.settingId == id }
            default:
                break
            }
        }
        return (entries, recorded.last?.streamVersion)
    }

    /// Checks the endpoint with the SSRF guard and the token's length.
    func check(endpointUri: String, token: String?) async throws(WebhookError) {
        var issues: [WebhookInputIssue] = []
        if case .failure(let refusal) = await endpointGuard.checkDetached(endpointUri) {
            issues.append(.init(path: "input.endpointUri", code: Self.code(refusal)))
        }
        if let token, !Self.isValidToken(token) {
            issues.append(.init(path: "input.token", code: "TOKEN_INVALID"))
        }
        if !issues.isEmpty { throw .invalidInput(issues) }
    }

    static func checkToken(_ token: String) throws(WebhookError) {
        guard isValidToken(token) else {
            throw .invalidInput([.init(path: "input.token", code: "TOKEN_INVALID")])
        }
    }

    /// 20–100 printable ASCII characters without spaces: it goes into a header line.
    static func isValidToken(_ token: String) -> Bool {
        (20...100).contains(token.utf8.count)
            && token.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    /// The issue code of a refused endpoint.
    static func code(_ refusal: EndpointRefusal) -> String {
        switch refusal {
        case .malformed: "ENDPOINT_MALFORMED"
        case .notHTTPS: "ENDPOINT_NOT_HTTPS"
        case .unresolved: "ENDPOINT_UNRESOLVED"
        case .forbiddenAddress: "ENDPOINT_ADDRESS_FORBIDDEN"
        }
    }

    /// Appends one event to setting `id`'s stream at `version`.
    func append(
        _ change: WebhookSettingEvent, to id: String, at version: UInt64, _ userId: String,
        _ orgId: String, _ now: Int64
    ) async throws(WebhookError) {
        do {
            _ = try await ledger.append(
                [event(change, userId, orgId, now)], to: WebhookStreams.setting(id),
                expected: .exact(version))
        } catch {
            throw Self.mapped(error)
        }
    }

    /// The ledger event for `change`, acted by `userId` for `orgId`.
    func event(
        _ change: WebhookSettingEvent, _ userId: String, _ orgId: String, _ now: Int64
    ) -> NewEvent {
        NewEvent(
            id: EventID.timeOrdered(microseconds: now), type: change.type,
            schemaVersion: change.schemaVersion, payload: CanonicalJSON.encode(change.payload),
            metadata: EventMetadata(actingUser: userId, actingCompany: orgId))
    }

    static func mapped(_ error: LedgerError) -> WebhookError {
        if case .wrongExpectedVersion(let stream, _, _) = error { return .conflict(stream: stream) }
        return .ledger(error)
    }
}
