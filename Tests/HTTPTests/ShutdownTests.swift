import Glibc
import HTTP
import Logging
import TestSupport
import Testing

@Suite struct ShutdownTests {
    @Test func shutdownLetsAnInFlightRequestFinishAndRefusesNewConnections() async throws {
        let (started, startedSignal) = AsyncStream.makeStream(of: Void.self)
        let handler: HTTPServer.Handler = { request in
            if request.path == "/slow" {
                startedSignal.yield()
                try? await Task.sleep(for: .milliseconds(300))
            }
            return HTTPResponse(status: 200, text: "done \(request.path)")
        }
        let logger = Logger(label: "http", handler: InMemoryLogHandler())
        let server = HTTPServer(
            configuration: HTTPServer.Configuration(workerThreads: 2), logger: logger,
            handler: handler)
        try server.start()
        let port = server.port
        let slow = Task { try await fetch(port: port, "GET", "/slow") }
        for await _ in started { break }
        let clock = ContinuousClock()
        let began = clock.now
        await server.shutdown(deadline: .seconds(5))
        let response = try await slow.value
        #expect(response.status == 200)
        #expect(response.text == "done /slow")
        #expect(response.header("Connection")?.lowercased() == "close")
        // Shutdown waited for the handler rather than cutting it off, and did not wait for the
        // deadline once nothing was left.
        #expect(clock.now - began < .seconds(4))
        let refusal = await #expect(throws: RawConnection.Failure.self) {
            try await onThread { _ = try RawConnection(port: port) }
        }
        #expect(refusal?.code == ECONNREFUSED)
    }

    @Test func shutdownAbandonsAHandlerStillRunningAtTheDeadline() async throws {
        let (started, startedSignal) = AsyncStream.makeStream(of: Void.self)
        // The handler runs until the test releases it, after its checks, so it is still
        // running at the deadline however slowly the machine goes.
        let (release, releaseSignal) = AsyncStream.makeStream(of: Void.self)
        let handler: HTTPServer.Handler = { _ in
            startedSignal.yield()
            for await _ in release { break }
            return HTTPResponse(status: 200, text: "too late")
        }
        defer { releaseSignal.finish() }
        let logs = InMemoryLogHandler()
        let server = HTTPServer(
            configuration: HTTPServer.Configuration(workerThreads: 2),
            logger: Logger(label: "http", handler: logs), handler: handler)
        try server.start()
        let port = server.port
        let stuck = Task { try await fetch(port: port, "GET", "/stuck") }
        for await _ in started { break }
        await server.shutdown(deadline: .milliseconds(100))
        // The client sees its connection closed without an answer.
        await #expect(throws: RawConnection.Failure.self) { try await stuck.value }
        let stopped = logs.written.first { $0.message == "HTTP server stopped" }
        #expect(stopped?.metadata["http.abandoned"] == "1")
    }

    @Test func badStartsAreRefusedWithTheirReason() async throws {
        let handler: HTTPServer.Handler = { _ in HTTPResponse(status: 204) }
        let logger = Logger.discarding(label: "http")
        let server = HTTPServer(logger: logger, handler: handler)
        try server.start()
        #expect(throws: HTTPServerError.alreadyStarted) { try server.start() }
        await server.shutdown()
        let badHost = HTTPServer(
            configuration: HTTPServer.Configuration(host: "localhost"), logger: logger,
            handler: handler)
        #expect(throws: HTTPServerError.invalidHost("localhost")) { try badHost.start() }
        for (configuration, name, value) in [
            (HTTPServer.Configuration(workerThreads: 0), "workerThreads", 0),
            (HTTPServer.Configuration(workerThreads: 4, connectionLimit: 2), "connectionLimit", 2),
            (HTTPServer.Configuration(port: 70_000), "port", 70_000),
        ] {
            let server = HTTPServer(configuration: configuration, logger: logger, handler: handler)
            #expect(throws: HTTPServerError.invalidConfiguration(name: name, value: value)) {
                try server.start()
            }
        }
        let busy = HTTPServer(logger: logger, handler: handler)
        try busy.start()
        let clash = HTTPServer(
            configuration: HTTPServer.Configuration(port: busy.port), logger: logger,
            handler: handler)
        #expect {
            try clash.start()
        } throws: { error in
            guard case HTTPServerError.cannotListen = error else { return false }
            return true
        }
        await busy.shutdown()
    }
}
