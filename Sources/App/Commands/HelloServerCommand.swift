import Dispatch
import HTTP
import Logging

/// `bsd-ledger hello-server [--port N] [--host ADDRESS] [--threads N]`: a plain-text hello
/// world through ``HTTPServer``, the baseline of `tools/bench http`, and a WebSocket echo at
/// `/echo` (subprotocol `echo` when offered) for the Python WebSocket tests. Hidden from the
/// usage text. Stops gracefully on SIGTERM or SIGINT.
struct HelloServerCommand {
    let configuration: HTTPServer.Configuration

    init(options: inout Options) throws {
        var configuration = HTTPServer.Configuration()
        if let host = try options.value("host") { configuration.host = host }
        configuration.port = try Self.number(options.value("port"), name: "port") ?? 8080
        if let threads = try Self.number(options.value("threads"), name: "threads") {
            configuration.workerThreads = threads
        }
        try options.finish()
        self.configuration = configuration
    }

    func run() throws -> Int32 {
        // Before any thread exists, so that every thread inherits the blocked signals.
        TerminationSignals.block()
        let logger = Logger(label: "http", handler: StandardErrorLogHandler())
        let hello = Array("Hello, world!\n".utf8)
        let server = HTTPServer(configuration: configuration, logger: logger) { request in
            guard request.path == "/echo" else {
                return HTTPResponse(
                    status: 200, headers: ["Content-Type": "text/plain; charset=utf-8"],
                    body: hello)
            }
            return .webSocket(Self.echo)
        }
        try server.start()
        let signal = TerminationSignals.wait()
        logger.info("Signal received", metadata: ["process.signal": String(signal)])
        let stopped = DispatchSemaphore(value: 0)
        Task {
            await server.shutdown(deadline: .seconds(5))
            stopped.signal()
        }
        stopped.wait()
        return 0
    }

    /// Sends every message back as it came, until the client closes.
    private static let echo = WebSocketUpgrade(
        subprotocols: ["echo"], unmatchedSubprotocol: .proceed, maxMessageBytes: 1 << 16
    ) { connection in
        while let message = try? await connection.receive() {
            switch message {
            case .text(let text): try? await connection.send(text: text)
            case .binary(let bytes): try? await connection.send(binary: bytes)
            }
        }
    }

    private static func number(_ text: String?, name: String) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw UsageError(message: "--\(name) needs a non-negative integer, not \(text)")
        }
        return value
    }
}
