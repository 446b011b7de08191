import GraphQL
import HTTP
import Identity

/// Runs one `graphql-transport-ws` connection: feeds what the client sends and what the
/// operations produce into ``TransportWSMachine``, and carries out its actions on the
/// WebSocket. One actor per connection, so the machine sees one input at a time.
actor TransportWSSession {
    let endpoint: SubscriptionEndpoint
    let connection: WebSocketConnection
    private var machine = TransportWSMachine()
    private var operations: [String: (ticket: UInt64, task: Task<Void, Never>)] = [:]
    private var context: RequestContext

    /// Prepares the session of `connection`.
    init(endpoint: SubscriptionEndpoint, connection: WebSocketConnection) {
        self.endpoint = endpoint
        self.connection = connection
        context = RequestContext(
            userId: nil, remoteAddress: connection.request.remoteHost,
            requestId: connection.request.id)
    }

    /// Reads messages until the connection closes, then stops every operation.
    func run() async {
        let timeout = endpoint.initTimeout
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            guard !Task.isCancelled else { return }
            await self?.initTimerFired()
        }
        defer { timer.cancel() }
        while machine.phase != .closed {
            let message: WebSocketMessage?
            do {
                message = try await connection.receive()
            } catch {
                break
            }
            switch message {
            case .text(let text)?: await perform(machine.received(text: text))
            case .binary?: await perform(machine.receivedBinary())
            case nil: machine.disconnected()
            }
        }
        machine.disconnected()
        stopAll()
    }

    private func initTimerFired() async {
        await perform(machine.initTimedOut())
    }

    private func perform(_ actions: [TransportWSMachine.Action]) async {
        for action in actions {
            switch action {
            case .send(let reply):
                try? await connection.send(text: reply.text)
            case .authenticate(let payload):
                let userId = await authenticate(payload)
                context.userId = userId
                await perform(machine.authenticated(userId != nil))
            case .start(let id, let ticket, let request):
                let context = self.context
                let task = Task {
                    await operate(id, ticket, request, context)
                    forget(id, ticket)
                }
                operations[id] = (ticket, task)
            case .cancel(let id, _):
                operations.removeValue(forKey: id)?.task.cancel()
            case .close(let code, let reason):
                stopAll()
                await connection.close(code: code, reason: reason)
            }
        }
    }

    /// The user of the `connection_init` payload (`Authorization: Bearer …` or `authToken`),
    /// else of the upgrade request's `Authorization` header; nil without a valid token.
    private func authenticate(_ payload: JSONObject?) async -> String? {
        let token =
            payload?.string("Authorization") ?? payload?.string("authorization")
            ?? payload?.string("authToken") ?? connection.request.headers["Authorization"]
        guard let token, !token.isEmpty else { return nil }
        return await endpoint.user(token: token)
    }

    /// Runs one operation and reports its results and its end to the machine.
    private func operate(
        _ id: String, _ ticket: UInt64, _ request: TransportWSRequest, _ context: RequestContext
    ) async {
        let tracker = DeliveryTracker()
        switch await endpoint.start(request, context: context, tracker: tracker) {
        case .refused(let errors):
            await perform(machine.failed(errors, id: id, ticket: ticket))
        case .single(let result):
            await perform(machine.result(result, id: id, ticket: ticket))
            await perform(machine.finished(id: id, ticket: ticket))
        case .stream(let results):
            do {
                for try await result in results {
                    await perform(machine.result(result, id: id, ticket: ticket))
                    tracker.delivered()
                }
                guard !Task.isCancelled else { return }
                await perform(machine.finished(id: id, ticket: ticket))
            } catch {
                guard !Task.isCancelled else { return }
                switch endpoint.streamFailure(error, context) {
                case .operation(let errors):
                    await perform(machine.failed(errors, id: id, ticket: ticket))
                case .internalFailure:
                    await perform(machine.internalError("Internal server error"))
                }
            }
        }
    }

    private func forget(_ id: String, _ ticket: UInt64) {
        if operations[id]?.ticket == ticket { operations[id] = nil }
    }

    private func stopAll() {
        for operation in operations.values { operation.task.cancel() }
        operations = [:]
    }
}
