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
    private let pending = PendingStates()

    init(databases: FormDatabases, transaction: Transaction) {
        self.databases = databases
        self.transaction = transaction
    }

    /// Writes every state changed since the last flush.
    func flush() throws {
        for formId in pending.order {
            let (row, state) = pending.states[formId]!
            let original = pending.originals[formId] ?? FormState(id: formId)
            let oldFacts = FormFacts(original, initialEmitters: try initialEmitters(original))
            let newFacts = FormFacts(state, initialEmitters: try initialEmitters(state))
            try replace(
                listEntries(original, oldFacts, row) + registerEntries(original, oldFacts, row)
                    + transporterEntries(original),
                with: listEntries(state, newFacts, row) + registerEntries(state, newFacts, row)
                    + transporterEntries(state))
            try save(state, row: row)
        }
        pending.originals.removeAll(keepingCapacity: true)
        pending.states.removeAll(keepingCapacity: true)
        pending.order.removeAll(keepingCapacity: true)
    }

    /// Folds one recorded event into the projection; events of other streams are ignored.
    func apply(_ event: RecordedEvent) throws {
        guard event.streamID.hasPrefix("form-") else { return }
        let domainEvent: DomainEvent
        do {
            domainEvent = try DomainEvent.decode(
                type: event.type, schemaVersion: event.schemaVersion, payload: event.payload)
        } catch {
            throw ProjectionError.undecodableEvent(
                position: event.position, type: event.type, reason: "\(error)")
        }
        let formId = domainEvent.formId
        let stored = try load(formId)
        let row = stored?.row ?? event.position
        let old = stored?.state ?? FormState(id: formId)
        let new = FormEvolver.evolve(old, domainEvent)
        if pending.states.updateValue((row, new), forKey: formId) == nil {
            pending.order.append(formId)
            pending.originals[formId] = old
        }
        if !old.exists && new.exists {
            let key = Array(new.readableId.utf8)
            if let holder = try transaction.get(databases.readable, key),
                holder != Array(formId.utf8)
            {
                throw ProjectionError.readableIdTaken(new.readableId)
            }
            try transaction.put(databases.readable, key, Array(formId.utf8))
        }
        if new.exists && (!old.exists || old.status != new.status) {
            let readers = new.readerOrgIds(
                named: new.rolesByOrgId, initialEmitters: try initialEmitters(new)
            ).sorted()
            try logStatus(new, readers, event, changes: domainEvent.contentChanges)
        }
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
        if let changed = pending.states[formId] { return changed }
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
                let value = try CanonicalJSON.decode(JSONValue.self, from: json)
                let decoded = try FormState(storageValue: value)
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

    private func save(_ state: FormState, row: UInt64) throws {
        var value: [UInt8] = []
        IndexKey.appending(row, to: &value)
        value.append(contentsOf: CanonicalJSON.encode(state.storageValue, capacity: 4096))
        try transaction.put(databases.state, Array(state.id.utf8), value)
        StateCache.shared.remember(state.id, bytes: value, state: state)
    }

    /// Deletes the entries that are gone and writes the new ones (values change with the
    /// BSD even where keys stay).
    private func replace(
        _ old: [(Database, [UInt8], [UInt8])], with new: [(Database, [UInt8], [UInt8])]
    ) throws {
        var stale: [EntryKey: [UInt8]] = [:]
        for (database, key, value) in old { stale[EntryKey(database: database, key: key)] = value }
        for (database, key, value) in new {
            let previous = stale.removeValue(forKey: EntryKey(database: database, key: key))
            if previous != value { try transaction.put(database, key, value) }
        }
        for entry in stale.keys { try transaction.delete(entry.database, entry.key) }
    }

    /// The list index entries of `state`: one per reading company in each list it belongs to.
    private func listEntries(
        _ state: FormState, _ facts: FormFacts, _ row: UInt64
    ) -> [(Database, [UInt8], [UInt8])] {
        var entries: [(Database, [UInt8], [UInt8])] = []
        for orgId in facts.readers {
            let value = facts.summary(state, for: orgId).bytes
            entries.append((databases.company, IndexKey.companyRow(orgId, row), value))
            entries.append(
                (databases.status, IndexKey.companyText(orgId, state.status.rawValue, row), value))
            if let code = state.content.wasteDetails.code {
                entries.append((databases.waste, IndexKey.companyText(orgId, code, row), value))
            }
            if let custom = state.content.customId {
                entries.append((databases.custom, IndexKey.companyText(orgId, custom, row), value))
            }
            for role in facts.roles[orgId] ?? [] {
                entries.append(
                    (databases.role, IndexKey.companyText(orgId, role.rawValue, row), value))
            }
            if facts.nextStep.contains(orgId) {
                entries.append((databases.nextStep, IndexKey.companyRow(orgId, row), value))
            }
        }
        return entries
    }

    private func registerEntries(
        _ state: FormState, _ facts: FormFacts, _ row: UInt64
    ) -> [(Database, [UInt8], [UInt8])] {
        state.registerEntries(roles: facts.roles).map { entry in
            let key = IndexKey.register(entry.orgId, entry.type, date: entry.date, row: row)
            return (databases.register, key, Array(state.id.utf8))
        }
    }

    /// One attachment entry per transporter with an id on `state`, the onward transporter
    /// after temporary storage included; deleted BSDs keep theirs, so that a transporter
    /// never moves to another BSD.
    private func transporterEntries(_ state: FormState) -> [(Database, [UInt8], [UInt8])] {
        let transporters = state.content.transporters + [state.temporaryStorage?.transporter]
        let formId = Array(state.id.utf8)
        return transporters.compactMap { $0?.id }.map { transporterId in
            (databases.transporter, IndexKey.transporter(transporterId, formId: state.id), formId)
        }
    }

    /// One status log entry per company that can read the BSD after the change, with the
    /// content changes the event carries.
    private func logStatus(
        _ new: FormState, _ readers: [String], _ event: RecordedEvent, changes: [FieldChange]
    ) throws {
        let entry = StatusLogEntry(
            id: event.position, formId: new.id, readableId: new.readableId, status: new.status,
            loggedAt: new.updatedAt.microseconds, updatedFields: changes,
            userId: event.metadata.actingUser)
        let bytes = CanonicalJSON.encode(entry.jsonValue, capacity: 512)
        for orgId in readers {
            let key = IndexKey.lifecycle(
                orgId, loggedAt: new.updatedAt.microseconds, position: event.position)
            try transaction.put(databases.lifecycle, key, bytes)
        }
    }
}

/// The states a ``FormStore`` changed and has not written yet, in order of first change.
final class PendingStates {
    var states: [String: (UInt64, FormState)] = [:]
    /// The state of each changed BSD before its first change, whose entries flush replaces.
    var originals: [String: FormState] = [:]
    var order: [String] = []
}

/// An index entry's place: its database and key.
struct EntryKey: Hashable {
    var database: Database
    var key: [UInt8]
}
