import HTTP
import Synchronization
import TestSupport
import Testing

@Suite struct ConnectionTests {
    private static let hello: HTTPServer.Handler = { request in
        HTTPResponse(status: 200, text: "hello \(request.path) from \(request.remoteAddress)")
    }

    /// Answers after a real suspension, so the connection is suspended and resumed.
    private static let sleepyHello: HTTPServer.Handler = { request in
        try? await Task.sleep(for: .milliseconds(2))
        return await hello(request)
    }

    @Test(arguments: [false, true])
    func keepAliveServesSeveralRequestsOnOneConnection(suspending: Bool) async throws {
        try await withServer(handler: suspending ? Self.sleepyHello : Self.hello) { server in
            let responses = try await onThread { [port = server.port] in
                let connection = try RawConnection(port: port)
                return try (1...5).map { index in
                    try connection.send(index == 3 ? "POST" : "GET", "/\(index)", body: [])
                    return try connection.readResponse()
                }
            }
            #expect(responses.map(\.status) == [200, 200, 200, 200, 200])
            for response in responses {
                #expect(response.header("Connection")?.lowercased() != "close")
            }
            // The same client port in every answer: one connection carried all five.
            let peers = Set(responses.map { $0.text.split(separator: " ").last ?? "" })
            #expect(peers.count == 1)
            #expect(
                responses.map { $0.text.split(separator: " ")[1] } == [
                    "/1", "/2", "/3", "/4", "/5",
                ])
        }
    }

    @Test func idleConnectionIsClosedAfterTheTimeout() async throws {
        let configuration = HTTPServer.Configuration(
            workerThreads: 2, connectionTimeout: .seconds(1))
        try await withServer(configuration, handler: Self.hello) { server in
            let (status, closed) = try await onThread { [port = server.port] in
                let connection = try RawConnection(port: port)
                try connection.send("GET", "/")
                let status = try connection.readResponse().status
                return (status, connection.isClosedByServer())
            }
            #expect(status == 200)
            #expect(closed)
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withServer(handler: Self.hello) { server in
            let paths = try await onThread { [port = server.port] in
                let connection = try RawConnection(port: port)
                let both = "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n"
                try connection.send(Array(both.utf8))
                return try [connection.readResponse(), connection.readResponse()].map {
                    String($0.text.split(separator: " ")[1])
                }
            }
            #expect(paths == ["/a", "/b"])
        }
    }

    @Test func concurrentClientsAreAllAnsweredCorrectly() async throws {
        let handled = Atomic<Int>(0)
        let handler: HTTPServer.Handler = { request in
            handled.add(1, ordering: .relaxed)
            // A suspension point inside the handler, as real handlers have.
            await Task.yield()
            return HTTPResponse(status: 200, body: Array(request.path.utf8.reversed()))
        }
        try await withServer(handler: handler) { server in
            let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
                for client in 0..<16 {
                    group.addTask { [port = server.port] in
                        try await onThread { try Self.exchange(port: port, client: client) }
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(mismatches == 0)
        }
        #expect(handled.load(ordering: .relaxed) == 16 * 13)
    }

    /// 13 requests from one client, alternating new and kept connections; counts wrong answers.
    private static func exchange(port: Int, client: Int) throws -> Int {
        var connection = try RawConnection(port: port)
        var wrong = 0
        for index in 0..<13 {
            if index % 4 == 0 { connection = try RawConnection(port: port) }
            let path = "/client-\(client)/request-\(index)"
            try connection.send("GET", path)
            let response = try connection.readResponse()
            if response.status != 200 || response.body != Array(path.utf8.reversed()) {
                wrong += 1
            }
        }
        return wrong
    }
}
