import CMicroHTTPD
import Logging
import Synchronization

/// What libmicrohttpd's callbacks reach through their context pointer: the configuration,
/// the handler and the counters a graceful shutdown needs. Retained by the running server
/// for the daemon's whole life.
final class ServerCore: Sendable {
    let configuration: HTTPServer.Configuration
    let handler: HTTPServer.Handler
    let logger: Logger
    let ids = RequestIDs()
    /// Requests begun (head read) and not yet completed (response sent or connection gone).
    let inFlight = Atomic<Int>(0)
    /// Set when shutdown begins: responses then ask the client to close.
    let draining = Atomic<Bool>(false)
    /// Streamed bodies and WebSockets under way.
    let live = LiveResponses()
    /// Requests suspended while their handler runs, so that a shutdown can abandon them.
    private let running = Mutex(Suspended())

    private struct Suspended {
        var contexts: [ObjectIdentifier: RequestContext] = [:]
        var stopping = false
    }

    init(
        configuration: HTTPServer.Configuration, logger: Logger,
        handler: @escaping HTTPServer.Handler
    ) {
        self.configuration = configuration
        self.logger = logger
        self.handler = handler
    }

    /// Runs the handler in a task started on this thread: a handler that answers without
    /// suspending is answered at once; otherwise the connection is suspended and the task
    /// resumes it when the response is ready, so no pool thread waits on a handler.
    func run(_ context: RequestContext) -> MHD_Result {
        context.phase = .running
        let request = context.request
        context.request.body = []
        Task.immediate { [handler] in
            let response = await handler(request)
            if context.answer(response) {
                self.running.withLock {
                    _ = $0.contexts.removeValue(forKey: ObjectIdentifier(context))
                }
            }
        }
        switch context.suspendUnlessAnswered(register: { register(context) }) {
        case .answered(let response):
            return queue(response, for: context)
        case .suspended: return .YES
        case .abandoned: return .NO
        }
    }

    /// Records a request about to be suspended; refused once shutdown has abandoned the
    /// others, since libmicrohttpd cannot stop with a connection still suspended.
    private func register(_ context: RequestContext) -> Bool {
        running.withLock { running in
            guard !running.stopping else { return false }
            running.contexts[ObjectIdentifier(context)] = context
            return true
        }
    }

    /// Abandons every request whose handler still runs and refuses to suspend any more;
    /// returns how many were abandoned.
    func abandonRunning() -> Int {
        let contexts = running.withLock { running in
            running.stopping = true
            defer { running.contexts.removeAll() }
            return Array(running.contexts.values)
        }
        return contexts.reduce(0) { $0 + ($1.abandon() ? 1 : 0) }
    }

    /// Called by libmicrohttpd when a request ends, answered or not: frees its context.
    func completed(_ slot: UnsafeMutablePointer<UnsafeMutableRawPointer?>?) {
        guard let slot, let raw = slot.pointee else { return }
        slot.pointee = nil
        Unmanaged<RequestContext>.fromOpaque(raw).release()
        inFlight.subtract(1, ordering: .releasing)
    }
}
