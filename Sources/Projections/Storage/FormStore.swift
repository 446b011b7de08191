import CanonicalJSON
import Dispatch
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
    /// The batch of the second half of a flush made on two threads.
    private let helperBatch: WriteBatch

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
        (pending, batch, helperBatch) = (scratch.pending, scratch.batch, scratch.helperBatch)
    }

    /// The buffers of a store, kept from one store to the next.
    struct Scratch {
        let pending = PendingStates()
        let batch = WriteBatch()
        let helperBatch = WriteBatch()

        /// Forgets what a store that did not flush left (a transaction run again after the
        /// map grew starts from nothing).
        func removeAll() {
            pending.removeAll()
            batch.removeAll()
            helperBatch.removeAll()
        }
    }

    /// Writes every state changed since the last flush. A large flush (a rebuild chunk's)
    /// makes its entries and encodes its states in two halves at once, on two threads, each
    /// into a batch of its own that it sorts; the two sorted batches are then written merged.
    func flush() throws {
        let count = pending.states.count
        // The emitters of grouped BSDs are read first, here: the transaction is this
        // thread's alone.
        var emitters: [(new: Set<String>, old: Set<String>)] = []
        emitters.reserveCapacity(count)
        for slot in 0..<count {
            let original = pending.originals[slot]
            emitters.append(
                (
                    try initialEmitters(pending.states[slot]),
                    original.exists ? try initialEmitters(original) : []
                ))
        }
        if count >= Self.parallelFlushStates {
            let halves = [(0..<count / 2, batch), (count / 2..<count, helperBatch)]
            let work = FlushWork(store: self, emitters: emitters, halves: halves)
            DispatchQueue.concurrentPerform(iterations: 2) { work.run(half: $0) }
            try WriteBatch.apply(batch, merged: helperBatch, to: databases, in: transaction)
        } else {
            stage(0..<count, emitters: emitters, into: batch)
            try batch.apply(to: databases, in: transaction)
        }
        pending.removeAll()
    }

    /// The states changed by fewer BSDs than this are flushed on one thread.
    static let parallelFlushStates = 512

    /// Puts the entries and states of the pending BSDs at `slots` into `target`.
    fileprivate func stage(
        _ slots: Range<Int>, emitters: [(new: Set<String>, old: Set<String>)],
        into target: WriteBatch
    ) {
        for slot in slots {
            let row = pending.rows[slot]
            let new = FormEntries(
                state: pending.states[slot],
                facts: FormFacts(pending.states[slot], initialEmitters: emitters[slot].new),
                row: row)
            if pending.originals[slot].exists {
                let old = FormEntries(
                    state: pending.originals[slot],
                    facts: FormFacts(pending.originals[slot], initialEmitters: emitters[slot].old),
                    row: row)
                replace(old, with: new, into: target)
            } else {
                // A BSD new to this store has no entries yet: nothing to compare or delete.
                new.write(into: target)
            }
            save(pending.states[slot], row: row, into: target)
        }
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
        try fold(domainEvent, position: record.position) { try record.actingUser() }
    }

    /// Folds one record decoded ahead (by a ``LogDecoder``), as ``apply(_:)-(RecordView)``
    /// does with the record itself.
    func apply(_ record: DecodedRecord) throws {
        if let failure = record.failure { throw failure }
        guard let event = record.event else { return }
        try fold(event, position: record.position) { try record.actingUser.get() }
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
        let slot = try pendingSlot(domainEvent.formId, position: position)
        // The state is moved out of the pending list while it is folded and read, and back
        // after: reading it in place through the list would copy it at every access.
        swap(&pending.folded, &pending.states[slot])
        defer { swap(&pending.folded, &pending.states[slot]) }
        try fold(domainEvent, into: &pending.folded, position: position, actingUser: actingUser)
    }

    private func fold(
        _ domainEvent: DomainEvent, into state: inout FormState, position: UInt64,
        actingUser: () throws -> String?
    ) throws {
        let (wasThere, oldStatus) = (state.exists, state.status)
        FormEvolver.apply(domainEvent, to: &state)
        guard state.exists else { return }
        if !wasThere { try claimReadableId(of: state) }
        if !wasThere || oldStatus != state.status {
            try logStatus(
                of: state, position: position, userId: try actingUser(),
                changes: domainEvent.contentChanges)
        }
    }

    /// Writes the readable id of `state`, refusing one that another BSD holds.
    private func claimReadableId(of state: FormState) throws {
        let formId = Array(state.id.utf8)
        let key = Array(state.readableId.utf8)
        if let holder = try transaction.get(databases.readable, key), holder != formId {
            throw ProjectionError.readableIdTaken(state.readableId)
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

    private func save(_ state: FormState, row: UInt64, into target: WriteBatch) {
        var writer = JSONWriter(capacity: 4096)
        state.encodeStorage(to: &writer)
        var value: [UInt8] = []
        value.reserveCapacity(8 + writer.bytes.count)
        IndexKey.appending(row, to: &value)
        value.append(contentsOf: writer.bytes)
        target.put(.state, Array(state.id.utf8), value)
        if remembersStates { StateCache.shared.remember(state.id, bytes: value, state: state) }
    }

    /// Deletes the entries that are gone and writes the new ones (values change with the
    /// BSD even where keys stay).
    private func replace(_ old: FormEntries, with new: FormEntries, into target: WriteBatch) {
        let (before, after) = (EntryList(), EntryList())
        old.write(into: before)
        new.write(into: after)
        var stale: [EntryKey: [UInt8]] = [:]
        for (kind, key, value) in before.entries { stale[EntryKey(kind: kind, key: key)] = value }
        for (kind, key, value) in after.entries {
            let previous = stale.removeValue(forKey: EntryKey(kind: kind, key: key))
            if previous != value { target.put(kind, key, value) }
        }
        for entry in stale.keys { target.delete(entry.kind, entry.key) }
    }

    /// One status log entry per company that can read `state`, just changed, with the
    /// content changes the event carries.
    private func logStatus(
        of state: FormState, position: UInt64, userId: String?, changes: [FieldChange]
    ) throws {
        // `state` is out of the pending list (see `fold`): it answers for its own id.
        let emitters = try FormStore.initialEmitters(state) { formId in
            formId == state.id ? state : try load(formId)?.state
        }
        let readers = state.sortedReaderOrgIds(initialEmitters: emitters)
        let loggedAt = state.updatedAt.microseconds
        let entry = StatusLogEntry(
            id: position, formId: state.id, readableId: state.readableId, status: state.status,
            loggedAt: loggedAt, updatedFields: changes, userId: userId)
        let bytes = batch.value(CanonicalJSON.encode(entry, capacity: 512))
        for orgId in readers {
            batch.put(.lifecycle, value: bytes) {
                IndexKey.appendLifecycle(orgId, loggedAt: loggedAt, position: position, to: &$0)
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
    /// The state being folded, moved here from ``states`` meanwhile; an empty one otherwise.
    var folded = FormState()

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

/// The two halves of a flush made at once: each thread stages its half of the pending BSDs
/// into its own batch and sorts it. Nothing else touches the store or the batches meanwhile.
private final class FlushWork: @unchecked Sendable {
    let store: FormStore
    let emitters: [(new: Set<String>, old: Set<String>)]
    let halves: [(Range<Int>, WriteBatch)]

    init(
        store: FormStore, emitters: [(new: Set<String>, old: Set<String>)],
        halves: [(Range<Int>, WriteBatch)]
    ) {
        self.store = store
        self.emitters = emitters
        self.halves = halves
    }

    func run(half: Int) {
        let (slots, target) = halves[half]
        store.stage(slots, emitters: emitters, into: target)
        target.sort()
    }
}
