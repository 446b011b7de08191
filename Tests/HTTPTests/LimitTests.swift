import HTTP
import Synchronization
import TestSupport
import Testing

@Suite struct LimitTests {
    @Test func declaredBodyOverTheLimitIsRefusedWith413WithoutCallingTheHandler() async throws {
        let calls = Atomic<Int>(0)
        let handler: HTTPServer.Handler = { _ in
            calls.add(1, ordering: .relaxed)
            return HTTPResponse(status: 200, text: "ok")
        }
        let configuration = HTTPServer.Configuration(workerThreads: 2, maximumBodySize: 1000)
        try await withServer(configuration, handler: handler) { server in
            let response = try await onThread { [port = server.port] in
                let connection = try RawConnection(port: port)
                // Only the head and a little body: the server must answer without the rest.
                let head = "POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n"
                try connection.send(Array(head.utf8) + [UInt8](repeating: 65, count: 100))
                return try connection.readResponse()
            }
            #expect(response.status == 413)
            let atLimit = try await fetch(
                port: server.port, "POST", "/small", body: [UInt8](repeating: 66, count: 1000))
            #expect(atLimit.status == 200)
        }
        #expect(calls.load(ordering: .relaxed) == 1)
    }

    @Test func chunkedBodyGrowingOverTheLimitClosesTheConnection() async throws {
        let handler: HTTPServer.Handler = { _ in HTTPResponse(status: 200, text: "ok") }
        let configuration = HTTPServer.Configuration(workerThreads: 2, maximumBodySize: 1000)
        try await withServer(configuration, handler: handler) { server in
            let closed = try await onThread { [port = server.port] in
                let connection = try RawConnection(port: port)
                var request =
                    "POST /chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                request += "800\r\n" + String(repeating: "c", count: 0x800) + "\r\n0\r\n\r\n"
                try connection.send(Array(request.utf8))
                return connection.isClosedByServer()
            }
            #expect(closed)
        }
    }

    @Test func headOverTheLimitIsRefusedWith431() async throws {
        let handler: HTTPServer.Handler = { _ in HTTPResponse(status: 200, text: "ok") }
        let configuration = HTTPServer.Configuration(workerThreads: 2, maximumHeaderSize: 4096)
        try await withServer(configuration, handler: handler) { server in
            let big = String(repeating: "v", count: 64 << 10)
            for size in [5000, 64 << 10] {
                let status = try await onThread { [port = server.port] in
                    let connection = try RawConnection(port: port)
                    try? connection.send("GET", "/", headers: [("X-Big", String(big.prefix(size)))])
                    return (try? connection.readResponse())?.status
                }
                #expect(status == 431, "header of \(size) bytes")
            }
            let modest = try await fetch(
                port: server.port, "GET", "/", headers: [("X-Modest", String(big.prefix(2000)))])
            #expect(modest.status == 200)
        }
    }
}
