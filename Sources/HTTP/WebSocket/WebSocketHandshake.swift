import Ledger

/// The server's side of the opening handshake (RFC 6455, section 4.2): checks the client's
/// request, negotiates the subprotocol and computes `Sec-WebSocket-Accept`.
enum WebSocketHandshake {
    /// What the handshake decided.
    enum Decision: Equatable {
        /// Answer 101 with `headers`, then run the handler with `subprotocol`.
        case accept(headers: HTTPHeaders, subprotocol: String?)
        /// Answer 101 with `headers`, then close at once with `code` and `reason`.
        case acceptThenClose(headers: HTTPHeaders, code: UInt16, reason: String)
        /// Do not upgrade: answer this instead.
        case refuse(HTTPResponse)
    }

    /// The GUID every server appends to the key before hashing (RFC 6455, section 1.3).
    static let guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    /// Decides how to answer `request` for `upgrade`.
    static func decide(_ request: HTTPRequest, for upgrade: WebSocketUpgrade) -> Decision {
        let headers = request.headers
        guard request.method == "GET",
            tokens(headers.values(for: "Upgrade")).contains("websocket"),
            tokens(headers.values(for: "Connection")).contains("upgrade")
        else { return .refuse(HTTPResponse(status: 400, text: "WebSocket upgrade expected\n")) }
        guard headers["Sec-WebSocket-Version"] == "13" else {
            var refusal = HTTPResponse(status: 426, text: "WebSocket version 13 expected\n")
            refusal.headers.add(name: "Sec-WebSocket-Version", value: "13")
            return .refuse(refusal)
        }
        guard let key = headers["Sec-WebSocket-Key"], Base64.isEncoding(key, ofByteCount: 16)
        else { return .refuse(HTTPResponse(status: 400, text: "bad Sec-WebSocket-Key\n")) }
        var answer: HTTPHeaders = ["Upgrade": "websocket", "Sec-WebSocket-Accept": accept(key)]
        let offered = list(headers.values(for: "Sec-WebSocket-Protocol"))
        if upgrade.subprotocols.isEmpty { return .accept(headers: answer, subprotocol: nil) }
        if let chosen = upgrade.subprotocols.first(where: offered.contains) {
            answer.add(name: "Sec-WebSocket-Protocol", value: chosen)
            return .accept(headers: answer, subprotocol: chosen)
        }
        switch upgrade.unmatchedSubprotocol {
        case .refuse:
            return .refuse(HTTPResponse(status: 400, text: "no acceptable subprotocol\n"))
        case .close(let code, let reason):
            return .acceptThenClose(headers: answer, code: code, reason: reason)
        case .proceed:
            return .accept(headers: answer, subprotocol: nil)
        }
    }

    /// `Sec-WebSocket-Accept` for a client's key: base64 of the SHA-1 of key and GUID.
    static func accept(_ key: String) -> String {
        Base64.encode(SHA1.digest(Array((key + guid).utf8)))
    }

    /// The comma-separated items of header values, trimmed, case kept.
    private static func list(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map(trimmed).filter { !$0.isEmpty }
    }

    private static func trimmed(_ item: Substring) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = item.firstIndex(where: { !isBlank($0) }),
            let last = item.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(item[first...last])
    }

    /// The items of header values, lower-cased, for tokens compared without case.
    private static func tokens(_ values: [String]) -> [String] {
        list(values).map { $0.lowercased() }
    }
}
