import Glibc
import Synchronization

/// The data folders this process has a ledger open on, by resolved path: LMDB's locks are per
/// process, so a second environment on the same files would corrupt them silently.
enum OpenFolders {
    private static let open = Mutex<Set<String>>([])

    /// Records `path` as open and returns its resolved form.
    /// - Throws: ``LedgerError/alreadyOpen(path:)`` when it already is.
    static func claim(_ path: String) throws(LedgerError) -> String {
        guard let resolved = realpath(path, nil) else {
            throw .storage(
                operation: "realpath \(path)", code: errno,
                message: String(cString: strerror(errno)))
        }
        let key = String(cString: resolved)
        free(resolved)
        let claimed = open.withLock { $0.insert(key).inserted }
        guard claimed else { throw .alreadyOpen(path: key) }
        return key
    }

    /// Forgets `key`, returned by ``claim(_:)``.
    static func release(_ key: String) {
        _ = open.withLock { $0.remove(key) }
    }
}
