import HTTP

/// A WebSocket echo route at `/ws` (subprotocols `chat` then `superchat`, 1 KiB messages);
/// `/strict` refuses clients offering neither; `/picky` accepts then closes them with 4406.
/// Other paths get 404.
@Sendable func echoRoutes(_ request: HTTPRequest) async -> HTTPResponse {
    switch request.path {
    case "/ws": .webSocket(echoUpgrade(.proceed))
    case "/strict": .webSocket(echoUpgrade(.refuse))
    case "/picky": .webSocket(echoUpgrade(.close(code: 4406, reason: "subprotocol")))
    default: HTTPResponse(status: 404, text: "not found\n")
    }
}

/// Echoes every message back until the client closes.
func echoUpgrade(_ unmatched: WebSocketUpgrade.UnmatchedSubprotocol) -> WebSocketUpgrade {
    WebSocketUpgrade(
        subprotocols: ["chat", "superchat"], unmatchedSubprotocol: unmatched,
        maxMessageBytes: 1024
    ) { connection in
        while let message = try? await connection.receive() {
            switch message {
            case .text(let text): try? await connection.send(text: text)
            case .binary(let bytes): try? await connection.send(binary: bytes)
            }
        }
    }
}
