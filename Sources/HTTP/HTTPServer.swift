import CMicroHTTPD
import Glibc
import Logging
import Synchronization

/// An HTTP/1.1 server on libmicrohttpd: a pool of polling threads reads requests and an
/// async handler answers each one, while its connection is suspended.
///
/// Start it with ``start()``, stop it with ``shutdown(deadline:)``. The handler decides
/// every status, 404 and 405 included; the server itself answers only 413 (body over the
/// limit) and 431 (head over the limit).
public final class HTTPServer: Sendable {
    /// Answers one request; called on the concurrency pool, many at once.
    public typealias Handler = @Sendable (HTTPRequest) async -> HTTPResponse

    private enum State {
        case idle
        case running(daemon: OpaquePointer, core: Unmanaged<ServerCore>, address: String)
        case stopped
    }

    /// The configuration given at creation.
    public let configuration: Configuration
    private let logger: Logger
    private let handler: Handler
    private let state = Mutex(State.idle)
    private let boundPort = Atomic<Int>(0)

    /// Makes a server that will listen as `configuration` says once started.
    /// - Parameters:
    ///   - logger: receives lifecycle messages at info and request failures at debug.
    ///   - handler: answers every request.
    public init(
        configuration: Configuration = Configuration(), logger: Logger,
        handler: @escaping Handler
    ) {
        self.configuration = configuration
        self.logger = logger
        self.handler = handler
    }

    /// The port listened on: the configured one, or the one picked when it was 0. Zero
    /// before ``start()``.
    public var port: Int { boundPort.load(ordering: .acquiring) }

    /// Binds the address and starts the worker threads; returns once requests are accepted.
    /// - Throws: ``HTTPServerError`` for a bad configuration, a second start, or a failed bind.
    public func start() throws(HTTPServerError) {
        try configuration.validate()
        guard let address = SocketAddress(host: configuration.host, port: configuration.port)
        else { throw .invalidHost(configuration.host) }
        try state.withLock { state throws(HTTPServerError) in
            guard case .idle = state else { throw .alreadyStarted }
            let core = Unmanaged.passRetained(
                ServerCore(configuration: configuration, logger: logger, handler: handler))
            guard let daemon = Self.startDaemon(at: address, core: core, configuration)
            else {
                let code = errno
                core.release()
                let text = SocketAddress.describe(
                    host: configuration.host, port: configuration.port)
                throw .cannotListen(address: text, errno: code)
            }
            let port = Int(bsdl_mhd_bound_port(daemon))
            let text = SocketAddress.describe(host: configuration.host, port: port)
            boundPort.store(port, ordering: .releasing)
            state = .running(daemon: daemon, core: core, address: text)
            logger.info(
                "HTTP server listening",
                metadata: [
                    "http.address": text, "http.threads": String(configuration.workerThreads),
                ])
        }
    }

    private static func startDaemon(
        at address: SocketAddress, core: Unmanaged<ServerCore>, _ configuration: Configuration
    ) -> OpaquePointer? {
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue
        flags |= MHD_ALLOW_SUSPEND_RESUME.rawValue | MHD_ALLOW_UPGRADE.rawValue
        if address.isIPv6 { flags |= MHD_USE_IPv6.rawValue }
        return address.withSocketAddress { socketAddress in
            bsdl_mhd_start(
                flags, socketAddress, Callbacks.access, core.toOpaque(), Callbacks.completed,
                core.toOpaque(), UInt32(configuration.workerThreads),
                UInt32(configuration.connectionLimit), configuration.timeoutSeconds,
                configuration.connectionMemory)
        }
    }

    /// Stops gracefully: stops accepting at once, lets requests under way finish until
    /// `deadline` has passed, then closes every connection and joins the worker threads.
    /// Handlers still running at the deadline keep running, but their answers are dropped.
    /// Does nothing when the server is not running.
    public func shutdown(deadline: Duration = .seconds(10)) async {
        guard let (daemon, core, address) = takeRunning() else { return }
        let server = core.takeUnretainedValue()
        server.draining.store(true, ordering: .relaxed)
        // Quiescing hands back the listening socket. Shutting it down refuses new connections
        // at once while the open ones are still served; it is closed only after the daemon
        // stops, since libmicrohttpd's threads may still hold its number until then (closing
        // it earlier lets the number be reused by another socket that they then close).
        let listener = MHD_quiesce_daemon(daemon)
        if listener >= 0 { Glibc.shutdown(listener, Int32(SHUT_RDWR)) }
        logger.info("HTTP server draining", metadata: ["http.address": address])
        server.live.beginShutdown()
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: deadline)
        while server.inFlight.load(ordering: .acquiring) > 0 || !server.live.isIdle,
            clock.now < end
        {
            try? await Task.sleep(for: .milliseconds(5))
        }
        stop(daemon, core: core, address: address)
        if listener >= 0 { close(listener) }
    }

    private func takeRunning() -> (OpaquePointer, Unmanaged<ServerCore>, String)? {
        state.withLock { state in
            guard case .running(let daemon, let core, let address) = state else { return nil }
            state = .stopped
            return (daemon, core, address)
        }
    }

    /// Abandons running handlers (libmicrohttpd refuses to stop with a suspended
    /// connection), stops the daemon, and frees the core.
    private func stop(_ daemon: OpaquePointer, core: Unmanaged<ServerCore>, address: String) {
        core.takeUnretainedValue().live.beginShutdown()
        core.takeUnretainedValue().live.abortAll()
        let abandoned = core.takeUnretainedValue().abandonRunning()
        MHD_stop_daemon(daemon)
        core.release()
        logger.info(
            "HTTP server stopped",
            metadata: ["http.address": address, "http.abandoned": String(abandoned)])
    }

    deinit {
        // A server dropped while running stops at once rather than leaking its threads.
        if let (daemon, core, address) = takeRunning() {
            stop(daemon, core: core, address: address)
        }
    }
}
