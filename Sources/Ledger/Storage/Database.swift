import CLMDB

/// A named database inside the ledger's LMDB environment. The ledger opens the log's own
/// databases and those an ``InlineProjection`` declares; handles stay valid until close.
public struct Database: Hashable, Sendable {
    /// The name given at open.
    public let name: String
    let handle: MDB_dbi
}
