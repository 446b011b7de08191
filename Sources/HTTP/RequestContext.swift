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

    /// What the handler's task and the server have agreed on.
    private enum Exchange {
        case waiting
        case answered(HTTPResponse)
        case delivered
        case abandoned
    }

    let connection: OpaquePointer
    var request: HTTPRequest
    var phase = Phase.receiving
    private let exchange = Mutex(Exchange.waiting)

    init(connection: OpaquePointer, request: HTTPRequest) {
        self.connection = connection
        self.request = request
    }

    /// Keeps the handler's response and resumes the connection so that libmicrohttpd calls
    /// back to send it. False when the server has abandoned the request.
    func answer(_ response: HTTPResponse) -> Bool {
        exchange.withLock { state in
            guard case .waiting = state else { return false }
            state = .answered(response)
            // Under the lock, so that `abandon` can never resume the connection twice.
            MHD_resume_connection(connection)
            return true
        }
    }

    /// Gives up on a handler still running at the shutdown deadline: resumes the connection
    /// so that the daemon can close it. False when the handler had already answered.
    func abandon() -> Bool {
        exchange.withLock { state in
            guard case .waiting = state else { return false }
            state = .abandoned
            MHD_resume_connection(connection)
            return true
        }
    }

    /// The response to send, once; nil when the request was abandoned.
    func takeResponse() -> HTTPResponse? {
        exchange.withLock { state in
            guard case .answered(let response) = state else { return nil }
            state = .delivered
            return response
        }
    }
}
