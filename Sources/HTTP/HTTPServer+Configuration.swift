import Glibc

extension HTTPServer {
    /// Where the server listens and the limits it enforces.
    public struct Configuration: Sendable {
        /// A numeric IPv4 or IPv6 address to listen on.
        public var host: String
        /// The TCP port; 0 picks a free one, readable from ``HTTPServer/port`` after start.
        public var port: Int
        /// Threads in libmicrohttpd's pool, each polling its share of the connections.
        public var workerThreads: Int
        /// Connections open at once; more are refused at accept.
        public var connectionLimit: Int
        /// An idle connection (no bytes either way) is closed after this long, rounded up to
        /// whole seconds; zero never closes one. A connection waiting on its handler is not
        /// idle.
        public var connectionTimeout: Duration
        /// The largest request body accepted; a larger one is answered 413.
        public var maximumBodySize: Int
        /// The largest request line plus header fields accepted; a larger head is answered 431.
        /// It also sizes the memory each connection may use (this plus 16 KiB).
        public var maximumHeaderSize: Int

        /// Makes a configuration; the defaults suit a local server.
        public init(
            host: String = "127.0.0.1", port: Int = 0,
            workerThreads: Int = 2 * Configuration.processorCount,
            connectionLimit: Int = 1024, connectionTimeout: Duration = .seconds(30),
            maximumBodySize: Int = 1 << 20, maximumHeaderSize: Int = 16 << 10
        ) {
            self.host = host
            self.port = port
            self.workerThreads = workerThreads
            self.connectionLimit = connectionLimit
            self.connectionTimeout = connectionTimeout
            self.maximumBodySize = maximumBodySize
            self.maximumHeaderSize = maximumHeaderSize
        }

        /// The processors online, at least 1.
        public static var processorCount: Int {
            max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        }

        /// Throws the first value out of range.
        func validate() throws(HTTPServerError) {
            let checks: [(String, Int, ClosedRange<Int>)] = [
                ("port", port, 0...65535),
                ("workerThreads", workerThreads, 1...1024),
                // At least one connection per thread: libmicrohttpd shares the limit among them.
                ("connectionLimit", connectionLimit, min(max(workerThreads, 1), 1024)...1_000_000),
                ("connectionTimeout", Int(connectionTimeout.components.seconds), 0...86_400),
                ("maximumBodySize", maximumBodySize, 0...Int(Int32.max)),
                ("maximumHeaderSize", maximumHeaderSize, 1024...(16 << 20)),
            ]
            for (name, value, range) in checks where !range.contains(value) {
                throw .invalidConfiguration(name: name, value: value)
            }
        }

        /// The timeout in whole seconds, rounded up; 0 for none.
        var timeoutSeconds: UInt32 {
            let (seconds, attoseconds) = connectionTimeout.components
            return UInt32(seconds + (attoseconds > 0 ? 1 : 0))
        }

        /// The per-connection memory pool: the head, plus room for the reply's head and the
        /// read buffer that carries the body through.
        var connectionMemory: Int { maximumHeaderSize + (16 << 10) }
    }
}
