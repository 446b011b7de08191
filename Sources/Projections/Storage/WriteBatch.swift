import Glibc
import Ledger

/// Puts and deletes of one ``FormStore`` flush, applied database by database in key order
/// through one cursor per database: each change then lands on the leaf page the previous
/// one touched instead of searching the B-tree from its root. Keys never repeat within a
/// batch (each entry's key holds its BSD's row, form id or event position), so reordering
/// them changes nothing but the speed.
///
/// The keys and values of a database are copied into one growing byte buffer (its arena)
/// and the changes only record where they are, so a batch of many thousand entries makes
/// no allocation per entry and sorts small fixed-size records.
final class WriteBatch {
    /// One change: where its key and value are in the arena of its database.
    struct Change {
        var keyStart: Int
        var keyCount: Int
        var valueStart: Int
        /// The value's length; negative for a delete.
        var valueCount: Int
    }

    private var arenas = [[UInt8]](repeating: [], count: FormDatabases.Kind.allCases.count)
    private var changes = [[Change]](repeating: [], count: FormDatabases.Kind.allCases.count)
    /// The key being built by ``put(_:value:key:)``, kept to reuse its storage.
    private var key: [UInt8] = []

    /// Stores `value` under `key` in the database of `kind` when the batch is applied.
    func put(_ kind: FormDatabases.Kind, _ key: [UInt8], _ value: [UInt8]) {
        let index = kind.rawValue
        let keyStart = arenas[index].count
        arenas[index].append(contentsOf: key)
        let valueStart = arenas[index].count
        arenas[index].append(contentsOf: value)
        changes[index].append(
            Change(
                keyStart: keyStart, keyCount: key.count, valueStart: valueStart,
                valueCount: value.count))
    }

    /// Stores `value` under the key `build` appends to an empty buffer, in the database of
    /// `kind`: the key is never an array of its own.
    func put(
        _ kind: FormDatabases.Kind, value: [UInt8], key build: (inout [UInt8]) -> Void
    ) {
        key.removeAll(keepingCapacity: true)
        build(&key)
        put(kind, key, value)
    }

    /// Deletes `key` from the database of `kind` when the batch is applied.
    func delete(_ kind: FormDatabases.Kind, _ key: [UInt8]) {
        let index = kind.rawValue
        let keyStart = arenas[index].count
        arenas[index].append(contentsOf: key)
        changes[index].append(
            Change(keyStart: keyStart, keyCount: key.count, valueStart: 0, valueCount: -1))
    }

    /// Forgets every change, keeping the storage.
    func removeAll() {
        for index in changes.indices {
            changes[index].removeAll(keepingCapacity: true)
            arenas[index].removeAll(keepingCapacity: true)
        }
    }

    /// Applies every change in key order, database by database, and empties the batch.
    func apply(to databases: FormDatabases, in transaction: Transaction) throws(LedgerError) {
        for kind in FormDatabases.Kind.allCases where !changes[kind.rawValue].isEmpty {
            let index = kind.rawValue
            let arena = arenas[index]
            arena.withUnsafeBytes { bytes in
                changes[index].sort { Self.precedes($0, $1, in: bytes) }
            }
            let sorted = changes[index]
            try transaction.withWriteCursor(databases[kind]) { cursor throws(LedgerError) in
                let written = arena.withUnsafeBytes { bytes in
                    Result { () throws(LedgerError) in
                        try Self.write(sorted, from: bytes, with: cursor)
                    }
                }
                try written.get()
            }
        }
        removeAll()
    }

    private static func write(
        _ changes: [Change], from bytes: UnsafeRawBufferPointer, with cursor: WriteCursor
    ) throws(LedgerError) {
        for change in changes {
            let key = slice(bytes, change.keyStart, change.keyCount)
            if change.valueCount >= 0 {
                try cursor.put(key, slice(bytes, change.valueStart, change.valueCount))
            } else {
                try cursor.delete(key)
            }
        }
    }

    private static func slice(
        _ bytes: UnsafeRawBufferPointer, _ start: Int, _ count: Int
    ) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: bytes.baseAddress! + start, count: count)
    }

    /// LMDB's default key order: bytes compared as unsigned, a prefix first.
    private static func precedes(
        _ lhs: Change, _ rhs: Change, in bytes: UnsafeRawBufferPointer
    ) -> Bool {
        let base = bytes.baseAddress!
        let count = min(lhs.keyCount, rhs.keyCount)
        let order = count == 0 ? 0 : memcmp(base + lhs.keyStart, base + rhs.keyStart, count)
        return order != 0 ? order < 0 : lhs.keyCount < rhs.keyCount
    }
}
