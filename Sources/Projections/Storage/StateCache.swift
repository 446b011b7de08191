import Domain
import Glibc
import Synchronization

/// Decoded BSD states by id, next to the exact stored bytes they were decoded from. A hit
/// needs the bytes read from LMDB to be equal to the remembered ones, so the cache can
/// never answer with a state the transaction at hand does not hold (an aborted append, a
/// rebuild, another ledger): it only saves decoding.
final class StateCache: Sendable {
    private struct Entry {
        var bytes: [UInt8]
        var state: FormState
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let capacity: Int

    /// The cache shared by the projection's writes and the queries of this process.
    static let shared = StateCache(capacity: 8192)

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The state decoded from `bytes` earlier, if the stored bytes are the same.
    func state(_ formId: String, bytes: UnsafeRawBufferPointer) -> FormState? {
        entries.withLock { entries in
            guard let entry = entries[formId], entry.bytes.count == bytes.count else {
                return nil
            }
            let same = entry.bytes.withUnsafeBytes {
                memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0
            }
            guard same else { return nil }
            return entry.state
        }
    }

    /// Remembers that `bytes` decode to `state`.
    func remember(_ formId: String, bytes: [UInt8], state: FormState) {
        entries.withLock { entries in
            // Dropping everything at capacity keeps the bound simple; the next reads refill it.
            if entries.count >= capacity && entries[formId] == nil { entries.removeAll() }
            entries[formId] = Entry(bytes: bytes, state: state)
        }
    }
}
