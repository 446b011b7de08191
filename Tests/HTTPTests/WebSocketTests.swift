import HTTP
import Logging
import TestSupport
import Testing

/// WebSocket connections over a real server on loopback, driven frame by frame.
@Suite struct WebSocketTests {
    @Test func handshakeAnswersTheAcceptKeyAndTheFirstAcceptableSubprotocol() async throws {
        try await withServer(handler: echoRoutes) { server in
            let (status, headers) = try await onThread {
                let socket = try RawWebSocket(port: server.port)
                let head = try socket.handshake(protocols: ["superchat", "chat"])
                return (head.status, head.headers.map { [$0.name.lowercased(), $0.value] })
            }
            #expect(status == 101)
            let fields = Dictionary(uniqueKeysWithValues: headers.map { ($0[0], $0[1]) })
            // RFC 6455, section 1.3: the example key's accept value.
            #expect(fields["sec-websocket-accept"] == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
            #expect(fields["sec-websocket-protocol"] == "chat")
            #expect(fields["upgrade"]?.lowercased() == "websocket")
            #expect(fields["connection"]?.lowercased() == "upgrade")
        }
    }

    @Test func echoesTextAndBinaryMessages() async throws {
        try await withServer(handler: echoRoutes) { server in
            let frames = try await onThread {
                let socket = try RawWebSocket(port: server.port)
                _ = try socket.handshake()
                try socket.send(text: "héllo")
                try socket.send(opcode: 2, payload: [0, 1, 2, 255])
                return [try socket.readFrame(), try socket.readFrame()]
            }
            #expect(frames[0] == .init(fin: true, opcode: 1, payload: Array("héllo".utf8)))
            #expect(frames[1] == .init(fin: true, opcode: 2, payload: [0, 1, 2, 255]))
        }
    }

    @Test func aBurstPastTheInboxLimitComesBackWholeAndInOrder() async throws {
        // 300 messages sent at once: the pump stops reading at 16 unreceived ones and reads
        // on when the handler makes room, while the echoes queue up behind one another.
        try await withServer(handler: echoRoutes) { server in
            let texts = (0..<300).map { "message \($0) " + String(repeating: "x", count: 80) }
            let frames = try await onThread {
                let socket = try RawWebSocket(port: server.port)
                _ = try socket.handshake()
                for text in texts { try socket.send(text: text) }
                return try texts.map { _ in try socket.readFrame() }
            }
            #expect(frames.map(\.payload) == texts.map { Array($0.utf8) })
            #expect(frames.allSatisfy { $0.opcode == 1 && $0.fin })
        }
    }

    @Test func joinsFragmentsWithAPingBetweenThem() async throws {
        try await withServer(handler: echoRoutes) { server in
            let frames = try await onThread {
                let socket = try RawWebSocket(port: server.port)
                _ = try socket.handshake()
                try socket.send(text: "frag", fin: false)
                try socket.send(opcode: 9, payload: Array("are you there".utf8))
                try socket.send(opcode: 0, payload: Array("men".utf8), fin: false)
                try socket.send(opcode: 0, payload: Array("ted".utf8))
                return [try socket.readFrame(), try socket.readFrame()]
            }
            #expect(frames[0] == .init(fin: true, opcode: 10, payload: Array("are you there".utf8)))
            #expect(frames[1] == .init(fin: true, opcode: 1, payload: Array("fragmented".utf8)))
        }
    }

    @Test func closeHandshakeEchoesTheCodeAndClosesTheSocket() async throws {
        try await withServer(handler: echoRoutes) { server in
            let (frame, closed) = try await onThread {
                let socket = try RawWebSocket(port: server.port)
                _ = try socket.handshake()
                try socket.sendClose(code: 1000, reason: "bye")
                return (try socket.readFrame(), socket.isClosedByServer())
            }
            #expect(frame.opcode == 8)
            #expect(frame.closeCode == 1000)
            #expect(closed)
        }
    }

    @Test func handlerClosingSendsItsCodeAndReason() async throws {
        let upgrade = WebSocketUpgrade { connection in
            await connection.close(code: 4000, reason: "done here")
        }
        try await withServer(handler: { _ in .webSocket(upgrade) }) { server in
            let frame = try await onThread {
                let socket = try RawWebSocket(port: server.port)
                _ = try socket.handshake()
                let frame = try socket.readFrame()
                try socket.sendClose(code: 4000)
                return frame
            }
            #expect(frame.opcode == 8)
            #expect(frame.closeCode == 4000)
            #expect(frame.payload.dropFirst(2).elementsEqual("done here".utf8))
        }
    }

    @Test(arguments: [
        ("unmasked frame", UInt16(1002)), ("oversized message", 1009), ("invalid UTF-8", 1007),
        ("reserved opcode", 1002), ("stray continuation", 1002), ("fragmented ping", 1002),
        ("reserved bit", 1002), ("ping over 125 bytes", 1002), ("one-byte close", 1002),
        ("reserved close code", 1002), ("invalid UTF-8 across fragments", 1007),
        ("new message inside a fragmented one", 1002),
    ])
    func brokenRulesCloseWithTheirCode(rule: String, code: UInt16) async throws {
        try await withServer(handler: echoRoutes) { server in
            let (frame, closed) = try await onThread {
                let socket = try RawWebSocket(port: server.port)
                _ = try socket.handshake()
                switch rule {
                case "unmasked frame": try socket.send(opcode: 1, payload: [65], masked: false)
                case "oversized message":
                    try socket.send(text: String(repeating: "a", count: 600), fin: false)
                    try socket.send(opcode: 0, payload: Array(repeating: 98, count: 600))
                case "invalid UTF-8": try socket.send(opcode: 1, payload: [0x61, 0xC3, 0x28])
                case "reserved opcode": try socket.send(opcode: 3, payload: [])
                case "stray continuation": try socket.send(opcode: 0, payload: [65])
                case "fragmented ping": try socket.send(opcode: 9, payload: [], fin: false)
                default: try Self.breakRule(rule, on: socket)
                }
                return (try socket.readFrame(), socket.isClosedByServer())
            }
            #expect(frame.opcode == 8)
            #expect(frame.closeCode == code)
            #expect(closed)
        }
    }

    /// The rarer broken rules of ``brokenRulesCloseWithTheirCode(rule:code:)``.
    private static func breakRule(_ rule: String, on socket: RawWebSocket) throws {
        switch rule {
        case "reserved bit": try socket.send(opcode: 0x40 | 1, payload: [65])
        case "ping over 125 bytes":
            try socket.send(opcode: 9, payload: Array(repeating: 1, count: 126))
        case "one-byte close": try socket.send(opcode: 8, payload: [3])
        case "reserved close code": try socket.sendClose(code: 1005)
        case "invalid UTF-8 across fragments":
            try socket.send(opcode: 1, payload: [0x61, 0xE2, 0x82], fin: false)
            try socket.send(opcode: 0, payload: [0x28])
        default:
            try socket.send(text: "first", fin: false)
            try socket.send(text: "second")
        }
    }

    @Test func pingIsAnsweredWithAPongCarryingItsPayload() async throws {
        try await withServer(handler: echoRoutes) { server in
            let frames = try await onThread {
                let socket = try RawWebSocket(port: server.port)
                _ = try socket.handshake()
                try socket.send(opcode: 9, payload: [1, 2, 3])
                try socket.send(opcode: 10, payload: [9])
                try socket.send(text: "after")
                return [try socket.readFrame(), try socket.readFrame()]
            }
            // An unsolicited pong is absorbed: the echo of the text comes next.
            #expect(frames[0] == .init(fin: true, opcode: 10, payload: [1, 2, 3]))
            #expect(frames[1] == .init(fin: true, opcode: 1, payload: Array("after".utf8)))
        }
    }

    @Test func clientOfferingNoAcceptableSubprotocolGetsWhatTheRouteChose() async throws {
        try await withServer(handler: echoRoutes) { server in
            let (refused, closeCode, proceeded) = try await onThread {
                let strict = try RawWebSocket(port: server.port)
                let refused = try strict.handshake(path: "/strict", protocols: ["other"]).status
                let picky = try RawWebSocket(port: server.port)
                _ = try picky.handshake(path: "/picky", protocols: ["other"])
                let closeCode = try picky.readFrame().closeCode
                let lenient = try RawWebSocket(port: server.port)
                let head = try lenient.handshake(path: "/ws", protocols: ["other"])
                let chosen = head.headers.contains {
                    $0.name.lowercased() == "sec-websocket-protocol"
                }
                return (refused, closeCode, head.status == 101 && !chosen)
            }
            #expect(refused == 400)
            #expect(closeCode == 4406)
            #expect(proceeded)
        }
    }

    @Test func requestsThatAreNoValidHandshakeAreRefused() async throws {
        try await withServer(handler: echoRoutes) { server in
            let plain = try await fetch(port: server.port, "GET", "/ws")
            #expect(plain.status == 400)
            let versionOnly = try await fetch(
                port: server.port, "GET", "/ws",
                headers: [
                    ("Upgrade", "websocket"), ("Connection", "Upgrade"),
                    ("Sec-WebSocket-Key", RawWebSocket.key), ("Sec-WebSocket-Version", "8"),
                ])
            #expect(versionOnly.status == 426)
            #expect(versionOnly.header("Sec-WebSocket-Version") == "13")
        }
    }

    @Test func shutdownClosesOpenWebSocketsWithGoingAwayAndWaitsForTheirHandlers() async throws {
        let finished = Flag()
        let upgrade = WebSocketUpgrade { connection in
            while (try? await connection.receive()) != nil {}
            finished.set()
        }
        let logger = Logger(label: "http", handler: InMemoryLogHandler())
        let server = HTTPServer(configuration: .init(workerThreads: 2), logger: logger) { _ in
            .webSocket(upgrade)
        }
        try server.start()
        let port = server.port
        let socket = try await onThread { () -> SendableBox<RawWebSocket> in
            let socket = try RawWebSocket(port: port)
            _ = try socket.handshake()
            return SendableBox(socket)
        }
        try await Task.sleep(for: .milliseconds(50))
        async let stopped: Void = server.shutdown(deadline: .seconds(60))
        let frame = try await onThread {
            let frame = try socket.value.readFrame()
            try socket.value.sendClose(code: frame.closeCode ?? 0)
            return frame
        }
        await stopped
        #expect(frame.opcode == 8)
        #expect(frame.closeCode == 1001)
        #expect(finished.isSet)
    }
}
