import HTTP
import Logging
import TestSupport

/// Starts a server on an ephemeral loopback port, runs `body` with it, and shuts it down.
func withServer<T>(
    _ configuration: HTTPServer.Configuration = HTTPServer.Configuration(workerThreads: 2),
    logs: InMemoryLogHandler = InMemoryLogHandler(),
    handler: @escaping HTTPServer.Handler,
    _ body: (HTTPServer) async throws -> T
) async throws -> T {
    let logger = Logger(label: "http", level: .debug, handler: logs)
    let server = HTTPServer(configuration: configuration, logger: logger, handler: handler)
    try server.start()
    do {
        let result = try await body(server)
        await server.shutdown(deadline: .seconds(5))
        return result
    } catch {
        await server.shutdown(deadline: .seconds(5))
        throw error
    }
}
