import Domain
import Ledger

/// Standalone transporters of the multimodal API (`createFormTransporter`,
/// `updateFormTransporter`, `deleteFormTransporter`): each lives in its own stream
/// `bsdd-transporter-<id>` until a BSD names it. Every command reads the stream, asks
/// ``TransporterDecider`` for the events and appends them at the version read, so two
/// commands racing on one transporter end in one success and one
/// ``FormTransporterError/conflict(stream:expected:actual:)``.
///
/// Whether a BSD names the transporter comes from the forms projection's attachment
/// index; a transporter on a BSD changes with that BSD, through ``FormCommands``.
public struct FormTransporters: Sendable {
    let ledger: Ledger

    /// Makes the service over a ledger opened with a ``FormsProjection``.
    public init(ledger: Ledger) {
        self.ledger = ledger
    }

    /// Creates transporter `id` with `transporter`'s fields; returns its state.
    public func create(
        _ transporter: Transporter, actor: Actor, now: Domain.Timestamp, id: String,
        correlationId: String? = nil
    ) async throws(FormTransporterError) -> StandaloneTransporter {
        try await execute(
            .create(transporter), id: id, actor: actor, now: now, correlationId: correlationId)
    }

    /// Replaces the fields of transporter `id`; returns its state. `checkedVersion` is the
    /// version of the state the caller checked its rights on and built `transporter` from:
    /// when the stream has moved since, nothing is written and the answer is a conflict.
    public func update(
        id: String, _ transporter: Transporter, actor: Actor, now: Domain.Timestamp,
        checkedVersion: Int? = nil, correlationId: String? = nil
    ) async throws(FormTransporterError) -> StandaloneTransporter {
        try await execute(
            .update(transporter), id: id, actor: actor, now: now, checkedVersion: checkedVersion,
            correlationId: correlationId)
    }

    /// Deletes transporter `id`; returns its state, flagged deleted. `checkedVersion` as for
    /// ``update(id:_:actor:now:checkedVersion:correlationId:)``.
    public func delete(
        id: String, actor: Actor, now: Domain.Timestamp, checkedVersion: Int? = nil,
        correlationId: String? = nil
    ) async throws(FormTransporterError) -> StandaloneTransporter {
        try await execute(
            .delete, id: id, actor: actor, now: now, checkedVersion: checkedVersion,
            correlationId: correlationId)
    }

    /// Decides and appends `command` on transporter `id`, waiting for the commit.
    public func execute(
        _ command: TransporterCommand, id: String, actor: Actor, now: Domain.Timestamp,
        checkedVersion: Int? = nil, correlationId: String? = nil
    ) async throws(FormTransporterError) -> StandaloneTransporter {
        let (state, append) = try prepare(
            command, id: id, actor: actor, now: now, checkedVersion, correlationId)
        guard let append else { return state }
        do {
            _ = try await ledger.append([append])
        } catch {
            throw Self.mapped(error)
        }
        return state
    }

    /// The blocking form of ``execute(_:id:actor:now:correlationId:)`` for threads outside
    /// Swift concurrency.
    public func executeWaiting(
        _ command: TransporterCommand, id: String, actor: Actor, now: Domain.Timestamp,
        correlationId: String? = nil
    ) throws(FormTransporterError) -> StandaloneTransporter {
        let (state, append) = try prepare(
            command, id: id, actor: actor, now: now, nil, correlationId)
        guard let append else { return state }
        do {
            _ = try ledger.appendWaiting([append])
        } catch {
            throw Self.mapped(error)
        }
        return state
    }

    /// Transporter `id` as its stream folds, with the BSD that names it; nil when it was
    /// never created. Deleted transporters are returned, flagged.
    public func state(id: String) throws(FormTransporterError) -> StandaloneTransporter? {
        var state = try streamState(id)
        guard state.exists else { return nil }
        state.formId = try attachedFormId(id)
        return state
    }

    /// The state after the decision, and the append that records it (nil when the
    /// decision has no event).
    func prepare(
        _ command: TransporterCommand, id: String, actor: Actor, now: Domain.Timestamp,
        _ checkedVersion: Int?, _ correlationId: String?
    ) throws(FormTransporterError) -> (StandaloneTransporter, StreamAppend?) {
        var state = try streamState(id)
        if let checkedVersion, checkedVersion != state.version {
            throw .conflict(
                stream: StandaloneTransporter.streamId(transporterId: id),
                expected: Self.expectation(version: checkedVersion),
                actual: state.version == 0 ? nil : UInt64(state.version - 1))
        }
        if case .create = command {
            // A creation needs no index: it goes through even while the projection is
            // being rebuilt.
        } else if state.exists && !state.isDeleted {
            state.formId = try attachedFormId(id)
        }
        let events: [TransporterEvent]
        do {
            events = try TransporterDecider.decide(command, state: state, actor: actor, now: now)
        } catch {
            throw .domain(error)
        }
        guard !events.isEmpty else { return (state, nil) }
        let metadata = EventMetadata(
            correlationID: correlationId, actingUser: actor.userId,
            actingCompany: actor.companyOrgId)
        let newEvents = events.map { event in
            NewEvent(
                id: EventID.timeOrdered(microseconds: now.microseconds), type: event.type,
                schemaVersion: event.schemaVersion, payload: event.payload, metadata: metadata)
        }
        let expected = Self.expectation(version: state.version)
        let after = events.reduce(state) { $0.evolve($1) }
        return (
            after, StreamAppend(stream: events[0].stream, expected: expected, events: newEvents)
        )
    }

    /// The ledger's expectation for a stream of `version` events.
    static func expectation(version: Int) -> ExpectedVersion {
        version == 0 ? .noStream : .exact(UInt64(version - 1))
    }

    /// The transporter folded from its stream, without the attachment.
    private func streamState(_ id: String) throws(FormTransporterError) -> StandaloneTransporter {
        let records: [RecordedEvent]
        do {
            records = try ledger.readStream(StandaloneTransporter.streamId(transporterId: id))
        } catch {
            throw .ledger(error)
        }
        var state = StandaloneTransporter(id: id)
        for record in records {
            do {
                state = state.evolve(
                    try TransporterEvent.decode(
                        type: record.type, schemaVersion: record.schemaVersion,
                        payload: record.payload))
            } catch {
                throw .undecodableEvent(
                    position: record.position, type: record.type, reason: "\(error)")
            }
        }
        return state
    }

    /// The BSD whose content names transporter `id`, from the forms projection.
    private func attachedFormId(_ id: String) throws(FormTransporterError) -> String? {
        do {
            return try FormQueries(ledger: ledger).read { try $0.formId(transporterId: id) }
        } catch let error as ProjectionError {
            throw .projection(error)
        } catch let error as LedgerError {
            throw .ledger(error)
        } catch {
            throw .projection(.unreadableEvent(reason: "\(error)"))
        }
    }

    static func mapped(_ error: LedgerError) -> FormTransporterError {
        if case .wrongExpectedVersion(let stream, let expected, let actual) = error {
            return .conflict(stream: stream, expected: expected, actual: actual)
        }
        return .ledger(error)
    }
}
