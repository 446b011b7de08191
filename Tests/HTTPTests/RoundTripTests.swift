import HTTP
import Logging
import TestSupport
import Testing

/// Echoes what the server parsed, one fact per header, so tests can check each part.
private let echo: HTTPServer.Handler = { request in
    var headers: HTTPHeaders = ["Content-Type": "application/octet-stream"]
    headers.add(name: "X-Method", value: request.method)
    headers.add(name: "X-Path", value: request.path)
    headers.add(name: "X-Greeting", value: request.headers["x-GREETING"] ?? "none")
    headers.add(name: "X-Remote", value: request.remoteAddress)
    headers.add(name: "X-Seen-Id", value: request.id)
    headers.add(
        name: "X-Query",
        value: request.queryItems.map { "\($0.name)=\($0.value)" }.joined(separator: "|"))
    return HTTPResponse(status: 200, headers: headers, body: request.body)
}

@Suite struct RoundTripTests {
    @Test func getRelaysMethodPathHeadersAndRemoteAddress() async throws {
        try await withServer(handler: echo) { server in
            let response = try await fetch(
                port: server.port, "GET", "/forms/BSD-1", headers: [("X-Greeting", "bonjour")])
            #expect(response.status == 200)
            #expect(response.header("X-Method") == "GET")
            #expect(response.header("X-Path") == "/forms/BSD-1")
            #expect(response.header("X-Greeting") == "bonjour")
            #expect(response.header("X-Remote")?.hasPrefix("127.0.0.1:") == true)
            #expect(response.header("Content-Type") == "application/octet-stream")
            #expect(response.body.isEmpty)
        }
    }

    @Test func postDeliversTheBodyAndReturnsTheResponseBody() async throws {
        let body = Array((0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try await withServer(handler: echo) { server in
            let response = try await fetch(
                port: server.port, "POST", "/upload", headers: [("Content-Type", "x/y")],
                body: body)
            #expect(response.status == 200)
            #expect(response.header("X-Method") == "POST")
            #expect(response.header("Content-Length") == String(body.count))
            #expect(response.body == body)
        }
    }

    @Test func queryItemsArePercentDecodedInOrder() async throws {
        try await withServer(handler: echo) { server in
            let target = "/search?q=caf%C3%A9%20cr%C3%A8me&tag=a+b&tag=%2B1&flag&empty="
            let response = try await fetch(port: server.port, "GET", target)
            #expect(response.header("X-Path") == "/search")
            #expect(response.header("X-Query") == "q=café crème|tag=a b|tag=+1|flag=|empty=")
        }
    }

    @Test func saneIncomingRequestIDIsKeptAndEchoed() async throws {
        try await withServer(handler: echo) { server in
            let response = try await fetch(
                port: server.port, "GET", "/", headers: [("X-Request-Id", "abc-123.XYZ")])
            #expect(response.header("X-Seen-Id") == "abc-123.XYZ")
            #expect(response.header("X-Request-Id") == "abc-123.XYZ")
        }
    }

    @Test func insaneIncomingRequestIDIsReplacedByAGeneratedOne() async throws {
        try await withServer(handler: echo) { server in
            let first = try await fetch(
                port: server.port, "GET", "/", headers: [("X-Request-Id", "a b\"<script>")])
            let second = try await fetch(port: server.port, "GET", "/")
            let firstID = try #require(first.header("X-Seen-Id"))
            let secondID = try #require(second.header("X-Seen-Id"))
            #expect(firstID != "a b\"<script>")
            #expect(!firstID.isEmpty && !secondID.isEmpty && firstID != secondID)
            #expect(first.header("X-Request-Id") == firstID)
        }
    }

    @Test func statusesChosenByTheHandlerAreRelayed() async throws {
        let router: HTTPServer.Handler = { request in
            switch (request.method, request.path) {
            case ("GET", "/known"): HTTPResponse(status: 200, text: "ok")
            case (_, "/known"):
                HTTPResponse(status: 405, headers: ["Allow": "GET"], body: Array("no".utf8))
            default: HTTPResponse(status: 404, text: "not found")
            }
        }
        try await withServer(handler: router) { server in
            let missing = try await fetch(port: server.port, "GET", "/unknown")
            #expect(missing.status == 404)
            #expect(missing.text == "not found")
            let wrongMethod = try await fetch(port: server.port, "DELETE", "/known")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.header("Allow") == "GET")
            let known = try await fetch(port: server.port, "GET", "/known")
            #expect(known.status == 200)
            #expect(known.text == "ok")
        }
    }

    @Test func startLogsTheAddressAndFailuresAreLoggedAtDebug() async throws {
        let logs = InMemoryLogHandler()
        let handler: HTTPServer.Handler = { _ in HTTPResponse(status: 500, text: "boom") }
        let port = try await withServer(logs: logs, handler: handler) { server in
            _ = try await fetch(
                port: server.port, "GET", "/x", headers: [("X-Request-Id", "req-1")])
            return server.port
        }
        let listening = try #require(logs.written.first { $0.message == "HTTP server listening" })
        #expect(listening.level == .info)
        #expect(listening.metadata["http.address"] == "127.0.0.1:\(port)")
        let failure = try #require(logs.written.first { $0.metadata["request.id"] == "req-1" })
        #expect(failure.level == .debug)
        #expect(failure.metadata["http.status"] == "500")
        #expect(logs.written.contains { $0.message == "HTTP server stopped" && $0.level == .info })
    }
}

@Suite struct RemoteHostTests {
    @Test(arguments: [
        ("127.0.0.1:51234", "127.0.0.1"), ("[::1]:8080", "::1"),
        ("[fe80::1%eth0]:1", "fe80::1%eth0"),
        ("", ""),
    ])
    func remoteHostDropsThePortAndBrackets(address: String, host: String) {
        var request = HTTPRequest(method: "GET", path: "/")
        request.remoteAddress = address
        #expect(request.remoteHost == host)
    }
}
