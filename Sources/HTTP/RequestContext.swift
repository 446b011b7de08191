import CMicroHTTPD
import Synchronization

/// One request's state across libmicrohttpd's calls and the handler's task.
///
/// `phase` and `request` are touched only inside libmicrohttpd's calls for this connection,
/// which come from one thread at a time and never while the handler's task runs (the
/// connection is suspended then); `exchange`, shared with that task, is guarded by its Mutex.
final class RequestContext: @unchecked Sendable {
    /// Where the request stands, from libmicrohttpd's side.
    enum Phase {
        /// Head read; body arriving.
        case receiving
        /// Body complete; the handler runs while the connection is suspended.
        case running
        /// Answered without running the handler (413): further body bytes are dropped.
        case rejected
    }

    /// What became of the handler by the time libmicrohttpd's call returns.
    enum Outcome {
        /// It answered without suspending: send the response now.
        case answered(HTTPResponse)
        /// It is still running; the connection is suspended until it answers.
        case suspended
        /// The server is stopping and will not wait for it: close the connection.
        case abandoned
    }

    /// What the handler's task and the server have agreed on.
    private enum Exchange {
        case running
        case suspended
        case answered(HTTPResponse)
        case delivered
        case abandoned
    }

    /// What the upgrade callback needs once a 101 answer is sent.
    struct PendingUpgrade {
        var upgrade: WebSocketUpgrade
        var subprotocol: String?
        /// Set when no subprotocol matched and the upgrade asks to close at once.
        var closeAtOnce: (code: UInt16, reason: String)?
    }

    let connection: OpaquePointer
    var request: HTTPRequest
    var phase = Phase.receiving
    /// Set when a 101 answer is queued; read by the upgrade callback on the same thread.
    var upgrade: PendingUpgrade?
    private let exchange = Mutex(Exchange.running)

    init(connection: OpaquePointer, request: HTTPRequest) {
        self.connection = connection
        self.request = request
    }

    /// Called once the handler's task has started: takes its response when it already
    /// answered, else suspends the connection, registering it with `register` first (which
    /// refuses once the server is stopping).
    func suspendUnlessAnswered(register: () -> Bool) -> Outcome {
        exchange.withLock { state in
            switch state {
            case .answered(let response):
                state = .delivered
                return .answered(response)
            case .running:
                guard register() else {
                    state = .abandoned
                    return .abandoned
                }
                MHD_suspend_connection(connection)
                state = .suspended
                return .suspended
            case .suspended, .delivered, .abandoned:
                return .abandoned
            }
        }
    }

    /// Keeps the handler's response and, when the connection was suspended, resumes it so
    /// that libmicrohttpd calls back to send it. True only when it resumed the connection.
    func answer(_ response: HTTPResponse) -> Bool {
        exchange.withLock { state in
            switch state {
            case .running:
                state = .answered(response)
                return false
            case .suspended:
                state = .answered(response)
                // Under the lock, so that `abandon` can never resume the connection twice.
                MHD_resume_connection(connection)
                return true
            case .answered, .delivered, .abandoned:
                return false
            }
        }
    }

    /// Gives up on a handler still running at the shutdown deadline: resumes the connection
    /// so that the daemon can close it. False when the handler had already answered.
    func abandon() -> Bool {
        exchange.withLock { state in
            guard case .suspended = state else { return false }
            state = .abandoned
            MHD_resume_connection(connection)
            return true
        }
    }

    /// The response to send after a resume, once; nil when the request was abandoned.
    func takeResponse() -> HTTPResponse? {
        exchange.withLock { state in
            guard case .answered(let response) = state else { return nil }
            state = .delivered
            return response
        }
    }
}
