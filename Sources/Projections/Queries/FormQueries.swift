import Domain
import Ledger

/// The read side of the forms projection. Each call runs in one short read transaction of
/// the ledger, so it sees one committed state; visibility (reference §5) is applied to
/// every answer: the caller passes the companies it belongs to, and gets only BSDs one of
/// them may read.
public struct FormQueries: Sendable {
    let ledger: Ledger

    /// Makes the query service over a ledger opened with a ``FormsProjection``.
    public init(ledger: Ledger) {
        self.ledger = ledger
    }

    /// Runs `body` with a reader over the active slot in one read transaction.
    /// - Throws: ``ProjectionError/notReady(projection:storedVersion:expectedVersion:)``
    ///   while the projection is not built at this version; whatever `body` throws.
    public func read<R>(_ body: (FormReader) throws -> R) throws -> R {
        let result = try ledger.read { transaction throws(LedgerError) -> Result<R, any Error> in
            do {
                let reader = try FormReader(ledger: ledger, transaction: transaction)
                return .success(try body(reader))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The BSD `id`, if one of `companies` may read it.
    public func form(id: String, companies: Set<String>) throws(QueryError) -> FormState? {
        try typed { try $0.form(id: id, companies: companies) }
    }

    /// The BSD with this readable id, if one of `companies` may read it.
    public func form(
        readableId: String, companies: Set<String>
    ) throws(QueryError) -> FormState? {
        try typed { try $0.form(readableId: readableId, companies: companies) }
    }

    /// The id of the BSD that names transporter `transporterId`, whoever asks (the API
    /// checks access to that BSD itself); nil when no BSD does.
    public func formId(transporterId: String) throws(QueryError) -> String? {
        try typed { try $0.formId(transporterId: transporterId) }
    }

    /// One page of `forms`.
    public func forms(
        _ filter: FormsFilter, companies: Set<String>
    ) throws(QueryError) -> [FormState] {
        try typed { try $0.forms(filter, companies: companies) }
    }

    /// One page of `formsLifeCycle`.
    public func lifecycle(
        _ filter: LifecycleFilter, companies: Set<String>
    ) throws(QueryError) -> LifecyclePage {
        try typed { try $0.lifecycle(filter, companies: companies) }
    }

    private func typed<R>(_ body: (FormReader) throws -> R) throws(QueryError) -> R {
        do {
            return try read(body)
        } catch {
            throw QueryError.wrapping(error)
        }
    }
}
