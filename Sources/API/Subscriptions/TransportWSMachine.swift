import GraphQL

/// The server side of the `graphql-transport-ws` protocol as a pure state machine: each
/// input (a client message, the outcome of authentication, the init timer, an operation's
/// result or end) returns the actions to carry out. No I/O happens here; the session glue
/// does it, so every transition is unit-tested.
struct TransportWSMachine: Sendable {
    /// Where the connection stands.
    enum Phase: Equatable, Sendable {
        /// Open, waiting for `connection_init`.
        case awaitingInit
        /// `connection_init` came; its credentials are being checked.
        case authenticating
        /// Acknowledged: operations may run.
        case ready
        /// Closed (or closing): every further input is ignored.
        case closed
    }

    /// What the glue must do.
    enum Action: Equatable, Sendable {
        /// Send this message.
        case send(TransportWSReply)
        /// Check the credentials of `connection_init`, then call ``authenticated(_:)``.
        case authenticate(payload: JSONObject?)
        /// Start operation `id`; report with `ticket` so a reused id is told apart.
        case start(id: String, ticket: UInt64, request: TransportWSRequest)
        /// Stop operation `id` (the client completed it); report nothing more for it.
        case cancel(id: String, ticket: UInt64)
        /// Close the connection with this code and reason, and stop every operation.
        case close(code: UInt16, reason: String)
    }

    private(set) var phase = Phase.awaitingInit
    /// The running operations: id and the ticket of the run.
    private(set) var operations: [String: UInt64] = [:]
    private var tickets: UInt64 = 0

    /// A text message from the client.
    mutating func received(text: String) -> [Action] {
        guard phase != .closed else { return [] }
        let message: TransportWSMessage
        do {
            message = try TransportWSMessage.parse(text)
        } catch {
            return close(TransportWSCloseCode.badRequest, error.reason)
        }
        switch message {
        case .connectionInit(let payload):
            guard phase == .awaitingInit else {
                return close(
                    TransportWSCloseCode.tooManyInitRequests, "Too many initialisation requests")
            }
            phase = .authenticating
            return [.authenticate(payload: payload)]
        case .ping: return [.send(.pong)]
        case .pong: return []
        case .subscribe(let id, let request): return subscribe(id, request)
        case .complete(let id):
            guard let ticket = operations.removeValue(forKey: id) else { return [] }
            return [.cancel(id: id, ticket: ticket)]
        }
    }

    /// A binary message: the protocol carries text only.
    mutating func receivedBinary() -> [Action] {
        guard phase != .closed else { return [] }
        return close(TransportWSCloseCode.badRequest, "Invalid message: binary frames are not used")
    }

    /// The outcome of the authentication asked by ``Action/authenticate(payload:)``.
    /// - Parameter accepted: whether the credentials are valid.
    mutating func authenticated(_ accepted: Bool) -> [Action] {
        guard phase == .authenticating else { return [] }
        guard accepted else { return close(TransportWSCloseCode.forbidden, "Forbidden") }
        phase = .ready
        return [.send(.connectionAck)]
    }

    /// The init timer fired: without an acknowledgement by now, the connection closes.
    mutating func initTimedOut() -> [Action] {
        guard phase == .awaitingInit || phase == .authenticating else { return [] }
        return close(TransportWSCloseCode.initTimeout, "Connection initialisation timeout")
    }

    /// One result of an operation.
    mutating func result(_ result: JSON, id: String, ticket: UInt64) -> [Action] {
        guard phase == .ready, operations[id] == ticket else { return [] }
        return [.send(.next(id: id, result: result))]
    }

    /// An operation failed before or while running: `error` ends it.
    mutating func failed(_ errors: [JSON], id: String, ticket: UInt64) -> [Action] {
        guard phase == .ready, operations[id] == ticket else { return [] }
        operations[id] = nil
        return [.send(.error(id: id, errors: errors))]
    }

    /// An operation's source ended: `complete` tells the client.
    mutating func finished(id: String, ticket: UInt64) -> [Action] {
        guard phase == .ready, operations[id] == ticket else { return [] }
        operations[id] = nil
        return [.send(.complete(id: id))]
    }

    /// The server met a failure it cannot report on one operation.
    mutating func internalError(_ reason: String) -> [Action] {
        guard phase != .closed else { return [] }
        return close(TransportWSCloseCode.internalServerError, reason)
    }

    /// The client closed the connection, or the transport failed.
    mutating func disconnected() {
        phase = .closed
        operations = [:]
    }

    private mutating func subscribe(_ id: String, _ request: TransportWSRequest) -> [Action] {
        guard phase == .ready else {
            return close(TransportWSCloseCode.unauthorized, "Unauthorized")
        }
        guard operations[id] == nil else {
            return close(
                TransportWSCloseCode.subscriberAlreadyExists, "Subscriber for \(id) already exists")
        }
        tickets += 1
        operations[id] = tickets
        return [.start(id: id, ticket: tickets, request: request)]
    }

    private mutating func close(_ code: UInt16, _ reason: String) -> [Action] {
        phase = .closed
        operations = [:]
        return [.close(code: code, reason: reason)]
    }
}
