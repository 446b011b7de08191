import CanonicalJSON
import Domain
import Ledger

/// Reads the forms projection's active slot inside one transaction. Valid only inside the
/// ``FormQueries/read(_:)`` call that made it.
public struct FormReader {
    let transaction: Transaction
    let databases: FormDatabases

    init(ledger: Ledger, transaction: Transaction) throws {
        guard let metaDatabase = ledger.database(FormsProjection.metaName) else {
            throw ProjectionError.notReady(
                projection: FormsProjection.projectionName, storedVersion: nil,
                expectedVersion: FormsProjection.version)
        }
        let meta = try ProjectionMeta.read(transaction, metaDatabase)
        guard let meta, meta.version == FormsProjection.version else {
            throw ProjectionError.notReady(
                projection: FormsProjection.projectionName, storedVersion: meta?.version,
                expectedVersion: FormsProjection.version)
        }
        self.transaction = transaction
        databases = FormDatabases(slot: meta.active) { ledger.database($0)! }
    }

    /// The BSD `id` whoever asks, for the command service and the tools; nil when unknown.
    public func state(_ id: String) throws -> FormState? {
        try FormStore.load(id, in: transaction, state: databases.state)?.state
    }

    /// The BSD's creation row (its list order), or nil.
    func row(_ id: String) throws -> (UInt64, FormState)? {
        try FormStore.load(id, in: transaction, state: databases.state)
    }

    /// The id of the BSD with this readable id, whoever asks.
    public func formId(readableId: String) throws -> String? {
        try transaction.get(databases.readable, Array(readableId.utf8)).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// The id of the BSD that names transporter `transporterId`, whoever asks; nil when no
    /// BSD does. Should two BSDs name it, the first by form id is given.
    public func formId(transporterId: String) throws -> String? {
        let prefix = IndexKey.transporter(transporterId)
        var found: String?
        try transaction.scan(databases.transporter, from: prefix) { key, value in
            if key.starts(with: prefix) { found = String(decoding: value, as: UTF8.self) }
            return false
        }
        return found
    }

    /// The BSD `id`, if one of `companies` may read it.
    public func form(id: String, companies: Set<String>) throws -> FormState? {
        guard let state = try state(id), try !readers(of: state).isDisjoint(with: companies)
        else { return nil }
        return state
    }

    /// The BSD with this readable id, if one of `companies` may read it.
    public func form(readableId: String, companies: Set<String>) throws -> FormState? {
        guard let id = try formId(readableId: readableId) else { return nil }
        return try form(id: id, companies: companies)
    }

    /// The companies that may read `state`, regroupement rule included: the emitters of the
    /// BSDs it groups are read from the projection as it is now.
    public func readers(of state: FormState) throws -> Set<String> {
        let emitters = try FormStore.initialEmitters(state) { try self.state($0) }
        return state.readerOrgIds(named: state.rolesByOrgId, initialEmitters: emitters)
    }

    /// Throws unless `siret` is one of `companies`.
    func checkMember(_ siret: String, _ companies: Set<String>) throws {
        guard companies.contains(siret) else { throw QueryError.companyNotAllowed(siret: siret) }
    }
}
