import Dispatch
import Glibc
import Synchronization

/// Checks the events of an append (types, canonical payloads) on the caller's side of the
/// queue; a large append is split over the machine's cores, since the writer waits for it.
enum EventCheck {
    /// Below this many events, one thread checks them all.
    static let parallelThreshold = 512

    /// Throws the error of the first refused event, in the events' order.
    static func run(_ events: [NewEvent]) throws(LedgerError) {
        guard events.count >= parallelThreshold else {
            for event in events { try PreparedEvent.check(event) }
            return
        }
        let chunks = min(ProcessInfoCores.count, 8)
        let firstError = Mutex<(index: Int, error: LedgerError)?>(nil)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (events.count * chunk / chunks)..<(events.count * (chunk + 1) / chunks)
            for index in range {
                do throws(LedgerError) {
                    try PreparedEvent.check(events[index])
                } catch {
                    firstError.withLock { first in
                        if first == nil || index < first!.index { first = (index, error) }
                    }
                    return
                }
            }
        }
        if let (_, error) = firstError.withLock({ $0 }) { throw error }
    }
}

/// The number of online processors, read once.
enum ProcessInfoCores {
    static let count: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
