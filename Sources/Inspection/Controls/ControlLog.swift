import CanonicalJSON
import Ledger

/// Appends the record of each inspector read to the streams of the companies it concerns,
/// and lists a company's records newest first.
public struct ControlLog: Sendable {
    let ledger: Ledger

    /// The log over `ledger`.
    public init(ledger: Ledger) {
        self.ledger = ledger
    }

    /// Appends `record` once for each company of `orgIds` (its `orgId` replaced), in one
    /// atomic append, before the caller answers: a read whose record could not be written
    /// is not answered.
    public func record(_ record: ControlRecord, orgIds: Set<String>) async throws(InspectionError) {
        guard !orgIds.isEmpty else { return }
        let parts = orgIds.sorted().map { orgId in
            var copy = record
            copy.orgId = orgId
            let event = NewEvent(
                id: .timeOrdered(microseconds: record.at), type: ControlRecord.type,
                schemaVersion: ControlRecord.schemaVersion,
                payload: CanonicalJSON.encode(copy.payload),
                metadata: EventMetadata(
                    correlationID: record.requestId.isEmpty ? nil : record.requestId,
                    actingUser: record.inspectorId))
            return StreamAppend(
                stream: ControlRecord.stream(orgId: orgId), expected: .any, events: [event])
        }
        do { _ = try await ledger.append(parts) } catch { throw .ledger(error) }
    }

    /// Up to `limit` records of company `orgId`, newest first, starting below stream
    /// version `before` (nil: from the newest); each with its stream version as cursor.
    public func records(
        orgId: String, limit: Int, before: UInt64? = nil
    ) throws(InspectionError) -> [(version: UInt64, record: ControlRecord)] {
        if before == 0 { return [] }
        let events: [RecordedEvent]
        do {
            events = try ledger.readStream(
                ControlRecord.stream(orgId: orgId), from: before.map { $0 - 1 } ?? .max,
                direction: .backwards, limit: limit)
        } catch { throw .ledger(error) }
        var found: [(UInt64, ControlRecord)] = []
        for event in events where event.type == ControlRecord.type {
            do {
                found.append((event.streamVersion, try ControlRecord(payload: event.payload)))
            } catch {
                throw .unreadableEvent(position: event.position, reason: error.member)
            }
        }
        return found
    }

    /// How many records company `orgId` has.
    public func count(orgId: String) throws(InspectionError) -> Int {
        do {
            return try ledger.streamVersion(ControlRecord.stream(orgId: orgId)).map { Int($0) + 1 }
                ?? 0
        } catch { throw .ledger(error) }
    }
}
