import Glibc

/// SIGTERM and SIGINT, received by waiting rather than by a handler, so that a server
/// can shut down from ordinary code.
public enum TerminationSignals {
    /// Blocks SIGTERM and SIGINT in the calling thread and in every thread it starts later.
    /// Call it first thing in `main`, before starting any server or task: threads started
    /// earlier keep the signals unblocked and one of them could take a signal and die.
    public static func block() {
        var set = signals()
        let code = pthread_sigmask(SIG_BLOCK, &set, nil)
        precondition(code == 0, "pthread_sigmask failed: \(code)")
    }

    /// Waits until SIGTERM or SIGINT arrives and returns its number. The signals must have
    /// been blocked with ``block()``.
    public static func wait() -> Int32 {
        var set = signals()
        var received: Int32 = 0
        while true {
            let code = sigwait(&set, &received)
            if code == 0 { return received }
            precondition(code == EINTR, "sigwait failed: \(code)")
        }
    }

    private static func signals() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        return set
    }
}
