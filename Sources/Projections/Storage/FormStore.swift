import CanonicalJSON
import Domain
import Ledger

/// Applies events to the forms projection's databases of one slot, inside a write
/// transaction: the BSD's state, its readable id, the per-company lists, status logs and
/// register rows. Every entry is a function of the events folded so far, so replaying the
/// log gives the same bytes as the live writes.
///
/// States changed by ``apply(_:)`` are kept in memory and written once by ``flush()``, which
/// the caller runs before its transaction ends, with the list and register entries of the
/// final state replacing those of the state first loaded: a BSD changed by many events of
/// one append (or one rebuild chunk) is indexed once. Status logs are written per event.
struct FormStore {
    let databases: FormDatabases
    let transaction: Transaction
    private let pending: PendingStates
    private let batch: WriteBatch

    /// Whether written states go to ``StateCache``: yes for live appends, whose BSDs are
    /// read again soon; not for a rebuild, which writes every BSD once.
    let remembersStates: Bool

    /// Makes a store writing in `transaction`; `scratch` is the memory of the pending states
    /// and of the write batch, which a caller running many stores in turn (a rebuild, chunk
    /// after chunk) hands to each, so that their buffers are allocated once.
    init(
        databases: FormDatabases, transaction: Transaction, remembersStates: Bool = true,
        scratch: Scratch = Scratch()
    ) {
        self.databases = databases
        self.transaction = transaction
        self.remembersStates = remembersStates
        (pending, batch) = (scratch.pending, scratch.batch)
    }

    /// The buffers of a store, kept from one store to the next.
    struct Scratch {
        let pending = PendingStates()
        let batch = WriteBatch()

        /// Forgets what a store that did not flush left (a transaction run again after the
        /// map grew starts from nothing).
        func removeAll() {
            pending.removeAll()
            batch.removeAll()
        }
    }

    /// Writes every state changed since the last flush.
    func flush() throws {
        for slot in pending.states.indices {
            let (row, state) = (pending.rows[slot], pending.states[slot])
            let original = pending.originals[slot]
            let new = FormEntries(
                state: state, facts: FormFacts(state, initialEmitters: try initialEmitters(state)),
                row: row)
            if original.exists {
                let old = FormEntries(
                    state: original,
                    facts: FormFacts(original, initialEmitters: try initialEmitters(original)),
                    row: row)
                replace(old, with: new)
            } else {
                // A BSD new to this store has no entries yet: nothing to compare or delete.
                new.write(into: batch)
            }
            save(state, row: row)
        }
        try batch.apply(to: databases, in: transaction)
        pending.removeAll()
    }

    /// Folds one recorded event into the projection; events of other streams are ignored.
    func apply(_ event: RecordedEvent) throws {
        guard event.streamID.hasPrefix("form-") else { return }
        let domainEvent = try event.payload.withUnsafeBytes { payload in
            try Self.decode(
                type: event.type, schemaVersion: event.schemaVersion, payload: payload,
                position: event.position)
        }
        try fold(domainEvent, position: event.position) { event.metadata.actingUser }
    }

    /// Folds one record borrowed from the log, as ``apply(_:)-(RecordedEvent)`` does, without
    /// copying it, and reading its metadata only when a status log entry needs the acting
    /// user.
    func apply(_ record: RecordView) throws {
        guard let domainEvent = try Self.decodeEvent(record) else { return }
        try fold(domainEvent, position: record.position) { try record.metadata().actingUser }
    }

    private static let streamPrefix = Array("form-".utf8)

    /// The BSD event `record` holds, decoded; nil when it belongs to another stream.
    static func decodeEvent(_ record: RecordView) throws -> DomainEvent? {
        guard record.streamIDBytes.starts(with: streamPrefix) else { return nil }
        return try decode(
            type: String(decoding: record.typeBytes, as: UTF8.self),
            schemaVersion: record.schemaVersion, payload: record.payload,
            position: record.position)
    }

    private static func decode(
        type: String, schemaVersion: UInt16, payload: UnsafeRawBufferPointer, position: UInt64
    ) throws -> DomainEvent {
        do {
            return try DomainEvent.decode(
                type: type, schemaVersion: schemaVersion, payloadBytes: payload)
        } catch {
            throw ProjectionError.undecodableEvent(
                position: position, type: type, reason: "\(error)")
        }
    }

    /// Folds a decoded event recorded at `position`; `actingUser` is asked only when the
    /// event makes a status log entry.
    private func fold(
        _ domainEvent: DomainEvent, position: UInt64, actingUser: () throws -> String?
    ) throws {
        let formId = domainEvent.formId
        let slot = try pendingSlot(formId, position: position)
        let (wasThere, oldStatus) = (pending.states[slot].exists, pending.states[slot].status)
        FormEvolver.apply(domainEvent, to: &pending.states[slot])
        guard pending.states[slot].exists else { return }
        if !wasThere { try claimReadableId(of: slot) }
        if !wasThere || oldStatus != pending.states[slot].status {
            try logStatus(
                of: slot, position: position, userId: try actingUser(),
                changes: domainEvent.contentChanges)
        }
    }

    /// Writes the readable id of the BSD pending at `slot`, refusing one that another BSD
    /// holds.
    private func claimReadableId(of slot: Int) throws {
        let readableId = pending.states[slot].readableId
        let formId = Array(pending.states[slot].id.utf8)
        let key = Array(readableId.utf8)
        if let holder = try transaction.get(databases.readable, key), holder != formId {
            throw ProjectionError.readableIdTaken(readableId)
        }
        // Written at once, not batched: the check above must see the BSDs of this batch.
        try transaction.put(databases.readable, key, formId)
    }

    /// Where the pending state of `formId` is, loading it first when this store has not
    /// changed it yet.
    private func pendingSlot(_ formId: String, position: UInt64) throws -> Int {
        if let slot = pending.index[formId] { return slot }
        let stored = try FormStore.load(formId, in: transaction, state: databases.state)
        let old = stored?.state ?? FormState(id: formId)
        pending.index[formId] = pending.states.count
        pending.rows.append(stored?.row ?? position)
        pending.states.append(old)
        pending.originals.append(old)
        return pending.states.count - 1
    }

    /// The emitters of the initial BSDs `state` groups, when it is an annexe-2 regroupement.
    func initialEmitters(_ state: FormState) throws -> Set<String> {
        try FormStore.initialEmitters(state) { try load($0)?.state }
    }

    static func initialEmitters(
        _ state: FormState, load: (String) throws -> FormState?
    ) throws -> Set<String> {
        guard state.content.emitter.type == .appendix2 else { return [] }
        var emitters = Set<String>()
        for fraction in state.content.grouping {
            if let emitter = try load(fraction.formId)?.content.emitter.company?.orgId {
                emitters.insert(emitter)
            }
        }
        return emitters
    }

    /// The stored row number and state of `formId`, if any.
    func load(_ formId: String) throws -> (row: UInt64, state: FormState)? {
        if let slot = pending.index[formId] { return (pending.rows[slot], pending.states[slot]) }
        return try FormStore.load(formId, in: transaction, state: databases.state)
    }

    static func load(
        _ formId: String, in transaction: Transaction, state: Database
    ) throws -> (row: UInt64, state: FormState)? {
        let decoded = try transaction.withValue(state, Array(formId.utf8)) {
            bytes -> Result<(UInt64, FormState), JSONError>? in
            guard let bytes, bytes.count > 8 else { return nil }
            let row = IndexKey.number(bytes, at: 0)
            if let cached = StateCache.shared.state(formId, bytes: bytes) {
                return .success((row, cached))
            }
            return Result { () throws(JSONError) -> (UInt64, FormState) in
                let json = UnsafeRawBufferPointer(rebasing: bytes[8...])
                let decoded = try FormState(storageBytes: json)
                StateCache.shared.remember(formId, bytes: Array(bytes), state: decoded)
                return (row, decoded)
            }
        }
        guard let decoded else { return nil }
        switch decoded {
        case .success(let pair): return pair
        case .failure(let error):
            throw ProjectionError.corruptEntry(
                database: state.name, key: formId, reason: "\(error)")
        }
    }

    private func save(_ state: FormState, row: UInt64) {
        var writer = JSONWriter(capacity: 4096)
        state.encodeStorage(to: &writer)
        var value: [UInt8] = []
        value.reserveCapacity(8 + writer.bytes.count)
        IndexKey.appending(row, to: &value)
        value.append(contentsOf: writer.bytes)
        batch.put(.state, Array(state.id.utf8), value)
        if remembersStates { StateCache.shared.remember(state.id, bytes: value, state: state) }
    }

    /// Deletes the entries that are gone and writes the new ones (values change with the
    /// BSD even where keys stay).
    private func replace(_ old: FormEntries, with new: FormEntries) {
        let (before, after) = (EntryList(), EntryList())
        old.write(into: before)
        new.write(into: after)
        var stale: [EntryKey: [UInt8]] = [:]
        for (kind, key, value) in before.entries { stale[EntryKey(kind: kind, key: key)] = value }
        for (kind, key, value) in after.entries {
            let previous = stale.removeValue(forKey: EntryKey(kind: kind, key: key))
            if previous != value { batch.put(kind, key, value) }
        }
        for entry in stale.keys { batch.delete(entry.kind, entry.key) }
    }

    /// One status log entry per company that can read the BSD pending at `slot` after the
    /// change, with the content changes the event carries.
    private func logStatus(
        of slot: Int, position: UInt64, userId: String?, changes: [FieldChange]
    ) throws {
        let new = pending.states[slot]
        let readers = new.sortedReaderOrgIds(initialEmitters: try initialEmitters(new))
        let entry = StatusLogEntry(
            id: position, formId: new.id, readableId: new.readableId, status: new.status,
            loggedAt: new.updatedAt.microseconds, updatedFields: changes, userId: userId)
        let bytes = CanonicalJSON.encode(entry, capacity: 512)
        for orgId in readers {
            batch.put(.lifecycle, value: bytes) {
                IndexKey.appendLifecycle(
                    orgId, loggedAt: new.updatedAt.microseconds, position: position, to: &$0)
            }
        }
    }
}

/// The states a ``FormStore`` changed and has not written yet, in order of first change,
/// each folded in place.
final class PendingStates {
    /// Where each changed BSD is in the arrays below.
    var index: [String: Int] = [:]
    /// The row of each changed BSD.
    var rows: [UInt64] = []
    /// The current state of each changed BSD.
    var states: [FormState] = []
    /// The state of each changed BSD before its first change, whose entries flush replaces.
    var originals: [FormState] = []

    /// Forgets every state, keeping the storage for the next ones.
    func removeAll() {
        index.removeAll(keepingCapacity: true)
        rows.removeAll(keepingCapacity: true)
        states.removeAll(keepingCapacity: true)
        originals.removeAll(keepingCapacity: true)
    }
}

/// An index entry: its database, key and value.
typealias Entry = (FormDatabases.Kind, [UInt8], [UInt8])

/// An index entry's place: its database and key.
struct EntryKey: Hashable {
    var kind: FormDatabases.Kind
    var key: [UInt8]
}
