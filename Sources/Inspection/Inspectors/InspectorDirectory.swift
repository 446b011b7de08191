import CanonicalJSON
import Ledger
import Synchronization

/// Every inspector's grant, folded from the `inspectors` stream and kept until the stream
/// changes (one index lookup per call checks that), and the writes that grant and revoke.
public final class InspectorDirectory: Sendable {
    private struct Folded {
        var version: UInt64?
        var grants: [String: InspectorGrant] = [:]
    }

    let ledger: Ledger
    private let cache = Mutex(Folded())

    /// The directory over `ledger`.
    public init(ledger: Ledger) {
        self.ledger = ledger
    }

    /// Every inspector, revoked ones included, by email.
    public func all() throws(InspectionError) -> [InspectorGrant] {
        try folded().grants.values.sorted { $0.email < $1.email }
    }

    /// The active grant of `userId`, or nil when the user is no inspector (or was revoked).
    public func activeGrant(userId: String) throws(InspectionError) -> InspectorGrant? {
        guard let grant = try folded().grants[userId], grant.isActive else { return nil }
        return grant
    }

    /// Records a grant (a first one, or new networks and companies for an inspector).
    /// - Throws: ``InspectionError/invalidInput(field:reason:)`` for a network that does not
    ///   parse or an empty network list.
    public func grant(
        userId: String, email: String, name: String, networks: [String], orgIds: [String]?,
        now: Int64
    ) async throws(InspectionError) {
        guard !networks.isEmpty else {
            throw .invalidInput(field: "allow-ip", reason: "at least one network is required")
        }
        for network in networks where NetworkRange(network) == nil {
            throw .invalidInput(field: "allow-ip", reason: "\(network) is not an address or CIDR")
        }
        let canonical = networks.compactMap(NetworkRange.init).map(\.description)
        try await append(
            .granted(
                userId: userId, email: email, name: name, networks: canonical,
                orgIds: orgIds.map { Array(Set($0)).sorted() }, at: now), actingUser: nil)
    }

    /// Records that `userId` is no longer an inspector.
    /// - Throws: ``InspectionError/notAnInspector(userId:)``,
    ///   ``InspectionError/alreadyRevoked(userId:)``.
    public func revoke(userId: String, now: Int64) async throws(InspectionError) {
        guard let grant = try folded().grants[userId] else { throw .notAnInspector(userId: userId) }
        guard grant.isActive else { throw .alreadyRevoked(userId: userId) }
        try await append(.revoked(userId: userId, at: now), actingUser: nil)
    }

    private func append(_ event: InspectorEvent, actingUser: String?) async throws(InspectionError)
    {
        let version = try folded().version
        let new = NewEvent(
            id: .timeOrdered(microseconds: Self.eventTime(event)), type: event.type,
            schemaVersion: InspectorEvent.schemaVersion,
            payload: CanonicalJSON.encode(event.payload),
            metadata: EventMetadata(actingUser: actingUser))
        do {
            _ = try await ledger.append(
                [new], to: InspectorEvent.stream, expected: version.map { .exact($0) } ?? .noStream)
        } catch {
            throw .ledger(error)
        }
    }

    private static func eventTime(_ event: InspectorEvent) -> Int64 {
        switch event {
        case .granted(_, _, _, _, _, let at), .revoked(_, let at): at
        }
    }

    /// The grants as of the stream's last version, folded again only when it moved.
    private func folded() throws(InspectionError) -> Folded {
        let version: UInt64?
        do { version = try ledger.streamVersion(InspectorEvent.stream) } catch {
            throw .ledger(error)
        }
        if let cached = cache.withLock({ $0.version == version ? $0 : nil }) { return cached }
        var fresh = Folded(version: version)
        let events: [RecordedEvent]
        do { events = try ledger.readStream(InspectorEvent.stream) } catch { throw .ledger(error) }
        for recorded in events where version.map({ recorded.streamVersion <= $0 }) ?? false {
            do {
                let event = try InspectorEvent.decode(
                    type: recorded.type, schemaVersion: recorded.schemaVersion,
                    payload: recorded.payload)
                InspectorGrant.evolve(&fresh.grants, event)
            } catch {
                throw .unreadableEvent(position: recorded.position, reason: error.member)
            }
        }
        cache.withLock { $0 = fresh }
        return fresh
    }
}
