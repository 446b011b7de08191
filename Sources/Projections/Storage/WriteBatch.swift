import Glibc
import Ledger

/// Puts and deletes of one ``FormStore`` flush, applied database by database in key order:
/// LMDB then walks each B-tree forwards through pages it has just touched instead of
/// jumping around it. Keys never repeat within a batch (each entry's key holds its BSD's
/// row, form id or event position), so reordering them changes nothing but the speed.
final class WriteBatch {
    /// One change: the value to store, or nil to delete the key.
    struct Change {
        var key: [UInt8]
        var value: [UInt8]?
    }

    private var changes = [[Change]](repeating: [], count: FormDatabases.Kind.allCases.count)

    /// Stores `value` under `key` in the database of `kind` when the batch is applied.
    func put(_ kind: FormDatabases.Kind, _ key: [UInt8], _ value: [UInt8]) {
        changes[kind.rawValue].append(Change(key: key, value: value))
    }

    /// Deletes `key` from the database of `kind` when the batch is applied.
    func delete(_ kind: FormDatabases.Kind, _ key: [UInt8]) {
        changes[kind.rawValue].append(Change(key: key, value: nil))
    }

    /// Forgets every change, keeping the storage.
    func removeAll() {
        for index in changes.indices { changes[index].removeAll(keepingCapacity: true) }
    }

    /// Applies every change in key order, database by database, and empties the batch.
    func apply(to databases: FormDatabases, in transaction: Transaction) throws(LedgerError) {
        for kind in FormDatabases.Kind.allCases where !changes[kind.rawValue].isEmpty {
            let database = databases[kind]
            changes[kind.rawValue].sort { Self.precedes($0.key, $1.key) }
            for change in changes[kind.rawValue] {
                if let value = change.value {
                    try transaction.put(database, change.key, value)
                } else {
                    try transaction.delete(database, change.key)
                }
            }
            changes[kind.rawValue].removeAll(keepingCapacity: true)
        }
    }

    /// LMDB's default key order: bytes compared as unsigned, a prefix first.
    private static func precedes(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        let count = min(lhs.count, rhs.count)
        let order = lhs.withUnsafeBytes { left in
            rhs.withUnsafeBytes { right in
                count == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, count)
            }
        }
        return order != 0 ? order < 0 : lhs.count < rhs.count
    }
}
