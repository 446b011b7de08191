import Ledger

/// The signed heads, kept in a ``SideStore`` in `tree-heads` in the data folder, keyed by
/// size (u64 big-endian) with the head's canonical JSON as value. Heads are never removed.
struct TreeHeadStore: Sendable {
    /// The folder's name inside the data folder.
    static let folderName = "tree-heads"
    let store: SideStore

    /// Opens the store of data folder `folder`.
    init(folder: String) throws(AuditError) {
        do throws(LedgerError) {
            store = try SideStore(path: folder + "/" + Self.folderName)
        } catch {
            throw .ledger(error)
        }
    }

    /// The head of the largest size, or nil when none was signed yet.
    func latest() throws(AuditError) -> SignedTreeHead? {
        let entry: (key: [UInt8], value: [UInt8])?
        do throws(LedgerError) {
            entry = try store.last()
        } catch {
            throw .ledger(error)
        }
        return try entry.map { entry throws(AuditError) in
            try SignedTreeHead(jsonText: entry.value)
        }
    }

    /// The head signed at exactly `size`, or nil.
    func head(size: UInt64) throws(AuditError) -> SignedTreeHead? {
        let value: [UInt8]?
        do throws(LedgerError) {
            value = try store.get(Self.key(size))
        } catch {
            throw .ledger(error)
        }
        return try value.map { bytes throws(AuditError) in try SignedTreeHead(jsonText: bytes) }
    }

    /// Keeps `head`; a head already stored for that size stays (the first one signed wins).
    func save(_ head: SignedTreeHead) throws(AuditError) {
        do throws(LedgerError) {
            _ = try store.insert(Self.key(head.size), head.jsonBytes)
        } catch {
            throw .ledger(error)
        }
    }

    func close() { store.close() }

    private static func key(_ size: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: size >> (56 - 8 * UInt64($0))) }
    }
}
