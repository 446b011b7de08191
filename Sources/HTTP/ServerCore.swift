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
    /// Requests whose handler is running, by identity, so a shutdown can abandon them.
    private let running = Mutex<[ObjectIdentifier: RequestContext]>([:])

    init(
        configuration: HTTPServer.Configuration, logger: Logger,
        handler: @escaping HTTPServer.Handler
    ) {
        self.configuration = configuration
        self.logger = logger
        self.handler = handler
    }

    /// Suspends the connection and runs the handler in a task; the task resumes the
    /// connection when it has a response, so no pool thread waits on the handler.
    func run(_ context: RequestContext) {
        context.phase = .running
        running.withLock { $0[ObjectIdentifier(context)] = context }
        MHD_suspend_connection(context.connection)
        let request = context.request
        context.request.body = []
        Task { [handler] in
            let response = await handler(request)
            self.running.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(context)) }
            _ = context.answer(response)
        }
    }

    /// Abandons every request whose handler still runs; returns how many there were.
    func abandonRunning() -> Int {
        let contexts = running.withLock { running in
            defer { running.removeAll() }
            return Array(running.values)
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
