import HTTP
import Logging
import TestSupport
import Testing

/// Streamed bodies over a real server on loopback, read as they arrive.
@Suite struct StreamedResponseTests {
    @Test func eachChunkReachesTheClientBeforeTheNextIsProduced() async throws {
        // The producer waits for the client to have read the first chunk: a server that held
        // chunks back until the end would never deliver it, and the client's read would time out.
        let firstRead = Flag()
        let secondProduced = Flag()
        let handler: HTTPServer.Handler = { _ in
            let (body, feed) = AsyncStream.makeStream(of: [UInt8].self)
            Task {
                feed.yield(Array("data: one\n\n".utf8))
                while !firstRead.isSet { try? await Task.sleep(for: .milliseconds(10)) }
                secondProduced.set()
                feed.yield(Array("data: two\n\n".utf8))
                feed.finish()
            }
            return .stream(headers: ["Content-Type": "text/event-stream"], body: body)
        }
        try await withServer(handler: handler) { server in
            let (head, first, secondSeenFirst, rest) = try await onThread {
                let socket = try RawWebSocket(port: server.port)
                try socket.write(Array("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
                let head = try socket.readHead()
                let first = String(decoding: try socket.readSome(), as: UTF8.self)
                let secondSeenFirst = secondProduced.isSet
                firstRead.set()
                var rest = ""
                while !rest.hasSuffix("0\r\n\r\n") {
                    rest += String(decoding: try socket.readSome(), as: UTF8.self)
                }
                return (head, first, secondSeenFirst, rest)
            }
            #expect(head.status == 200)
            #expect(
                head.headers.contains { $0.name == "Transfer-Encoding" && $0.value == "chunked" })
            #expect(first.contains("data: one"))
            #expect(!first.contains("data: two"))
            #expect(!secondSeenFirst)
            #expect(rest.contains("data: two"))
        }
    }

    @Test func clientDisconnectTerminatesTheProducer() async throws {
        let terminated = Flag()
        let handler: HTTPServer.Handler = { _ in
            let (body, feed) = AsyncStream.makeStream(of: [UInt8].self)
            feed.onTermination = { _ in terminated.set() }
            Task {
                while !terminated.isSet {
                    feed.yield(Array(": tick\n\n".utf8))
                    try? await Task.sleep(for: .milliseconds(20))
                }
            }
            return .stream(body: body)
        }
        try await withServer(handler: handler) { server in
            try await onThread {
                let socket = try RawWebSocket(port: server.port)
                try socket.write(Array("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
                _ = try socket.readHead()
                _ = try socket.readSome()
            }
            let clock = ContinuousClock()
            let end = clock.now.advanced(by: .seconds(30))
            while !terminated.isSet, clock.now < end {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(terminated.isSet)
        }
    }

    @Test func shutdownEndsAnEndlessStreamCleanly() async throws {
        let terminated = Flag()
        let handler: HTTPServer.Handler = { _ in
            let (body, feed) = AsyncStream.makeStream(of: [UInt8].self)
            feed.onTermination = { _ in terminated.set() }
            feed.yield(Array("data: hello\n\n".utf8))
            return .stream(body: body)
        }
        let logger = Logger(label: "http", handler: InMemoryLogHandler())
        let server = HTTPServer(
            configuration: .init(workerThreads: 2), logger: logger, handler: handler)
        try server.start()
        let port = server.port
        let socket = try await onThread { () -> SendableBox<RawWebSocket> in
            let socket = try RawWebSocket(port: port)
            try socket.write(Array("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
            _ = try socket.readHead()
            _ = try socket.readSome()
            return SendableBox(socket)
        }
        let clock = ContinuousClock()
        let started = clock.now
        await server.shutdown(deadline: .seconds(60))
        let elapsed = started.duration(to: clock.now)
        let tail = try await onThread {
            var tail = ""
            while !tail.hasSuffix("0\r\n\r\n") {
                tail += String(decoding: try socket.value.readSome(), as: UTF8.self)
            }
            return tail
        }
        #expect(tail.hasSuffix("0\r\n\r\n"))
        #expect(terminated.isSet)
        // Far below the deadline: the stream was ended, not waited for.
        #expect(elapsed < .seconds(30))
    }
}
