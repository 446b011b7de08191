import Glibc
import Ledger

/// Puts and deletes of one ``FormStore`` flush, applied database by database in key order
/// through one cursor per database: each change then lands on the leaf page the previous
/// one touched instead of searching the B-tree from its root. Keys never repeat within a
/// batch (each entry's key holds its BSD's row, form id or event position), so reordering
/// them changes nothing but the speed.
///
/// The keys and values are copied into one growing byte buffer (the arena), a value shared
/// by several entries once, and the changes only record where they are, so a batch of many
/// thousand entries makes no allocation per entry and sorts small fixed-size records.
final class WriteBatch {
    /// One change: where its key and value are in the arena.
    struct Change {
        var keyStart: Int
        var keyCount: Int
        var valueStart: Int
        /// The value's length; negative for a delete.
        var valueCount: Int
    }

    /// Where a value stored once by ``value(_:)`` lies in the arena, for the several entries
    /// that share it (one status log entry for every reader, one summary for every list).
    struct StoredValue {
        var start: Int
        var count: Int
    }

    /// The keys and values of every change, of all databases.
    private var arena: [UInt8] = []
    private var changes = [[Change]](repeating: [], count: FormDatabases.Kind.allCases.count)

    /// Copies `bytes` into the arena once, for entries to refer to.
    func value(_ bytes: [UInt8]) -> StoredValue {
        let start = arena.count
        arena.append(contentsOf: bytes)
        return StoredValue(start: start, count: bytes.count)
    }

    /// Stores `value` under `key` in the database of `kind` when the batch is applied.
    func put(_ kind: FormDatabases.Kind, _ key: [UInt8], _ value: [UInt8]) {
        let keyStart = arena.count
        arena.append(contentsOf: key)
        let stored = self.value(value)
        changes[kind.rawValue].append(
            Change(
                keyStart: keyStart, keyCount: key.count, valueStart: stored.start,
                valueCount: stored.count))
    }

    /// Stores the value at `value` under the key `build` appends to an empty buffer, in the
    /// database of `kind`: the key is built in the arena itself.
    func put(
        _ kind: FormDatabases.Kind, value: StoredValue, key build: (inout [UInt8]) -> Void
    ) {
        let keyStart = arena.count
        build(&arena)
        changes[kind.rawValue].append(
            Change(
                keyStart: keyStart, keyCount: arena.count - keyStart, valueStart: value.start,
                valueCount: value.count))
    }

    /// Deletes `key` from the database of `kind` when the batch is applied.
    func delete(_ kind: FormDatabases.Kind, _ key: [UInt8]) {
        let keyStart = arena.count
        arena.append(contentsOf: key)
        changes[kind.rawValue].append(
            Change(keyStart: keyStart, keyCount: key.count, valueStart: 0, valueCount: -1))
    }

    /// Forgets every change, keeping the storage.
    func removeAll() {
        for index in changes.indices { changes[index].removeAll(keepingCapacity: true) }
        arena.removeAll(keepingCapacity: true)
    }

    /// Sorts each database's changes in key order, as ``apply(to:in:)`` writes them.
    func sort() {
        arena.withUnsafeBytes { bytes in
            for index in changes.indices where !changes[index].isEmpty {
                changes[index].sort { Self.precedes($0, $1, in: bytes, bytes) }
            }
        }
    }

    /// Applies every change in key order, database by database, and empties the batch.
    func apply(to databases: FormDatabases, in transaction: Transaction) throws(LedgerError) {
        sort()
        try Self.apply(self, merged: WriteBatch(), to: databases, in: transaction)
    }

    /// Applies the changes of two batches, each already sorted by ``sort()``, in key order
    /// database by database (the two never hold the same key), and empties both.
    static func apply(
        _ first: WriteBatch, merged second: WriteBatch, to databases: FormDatabases,
        in transaction: Transaction
    ) throws(LedgerError) {
        for kind in FormDatabases.Kind.allCases {
            let index = kind.rawValue
            guard !first.changes[index].isEmpty || !second.changes[index].isEmpty else {
                continue
            }
            try transaction.withWriteCursor(databases[kind]) { cursor throws(LedgerError) in
                let written = first.arena.withUnsafeBytes { one in
                    second.arena.withUnsafeBytes { two in
                        Result { () throws(LedgerError) in
                            try write(
                                first.changes[index], from: one, merged: second.changes[index],
                                from: two, with: cursor)
                        }
                    }
                }
                try written.get()
            }
        }
        first.removeAll()
        second.removeAll()
    }

    private static func write(
        _ changes: [Change], from bytes: UnsafeRawBufferPointer, merged others: [Change],
        from otherBytes: UnsafeRawBufferPointer, with cursor: WriteCursor
    ) throws(LedgerError) {
        var (mine, theirs) = (0, 0)
        while mine < changes.count || theirs < others.count {
            let takeMine =
                theirs == others.count
                || (mine < changes.count
                    && precedes(changes[mine], others[theirs], in: bytes, otherBytes))
            if takeMine {
                try write(changes[mine], from: bytes, with: cursor)
                mine += 1
            } else {
                try write(others[theirs], from: otherBytes, with: cursor)
                theirs += 1
            }
        }
    }

    private static func write(
        _ change: Change, from bytes: UnsafeRawBufferPointer, with cursor: WriteCursor
    ) throws(LedgerError) {
        let key = slice(bytes, change.keyStart, change.keyCount)
        if change.valueCount >= 0 {
            try cursor.put(key, slice(bytes, change.valueStart, change.valueCount))
        } else {
            try cursor.delete(key)
        }
    }

    private static func slice(
        _ bytes: UnsafeRawBufferPointer, _ start: Int, _ count: Int
    ) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: bytes.baseAddress! + start, count: count)
    }

    /// LMDB's default key order: bytes compared as unsigned, a prefix first; `lhs` is in
    /// `lhsBytes`, `rhs` in `rhsBytes`.
    private static func precedes(
        _ lhs: Change, _ rhs: Change, in lhsBytes: UnsafeRawBufferPointer,
        _ rhsBytes: UnsafeRawBufferPointer
    ) -> Bool {
        let count = min(lhs.keyCount, rhs.keyCount)
        let order =
            count == 0
            ? 0
            : memcmp(
                lhsBytes.baseAddress! + lhs.keyStart, rhsBytes.baseAddress! + rhs.keyStart, count)
        return order != 0 ? order < 0 : lhs.keyCount < rhs.keyCount
    }
}
