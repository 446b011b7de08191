import GraphQL

/// A message of the `graphql-transport-ws` protocol sent by the server.
enum TransportWSReply: Equatable, Sendable {
    /// `connection_ack`: the connection is accepted.
    case connectionAck
    /// `pong`, answering a ping.
    case pong
    /// `next`: one execution result of operation `id`.
    case next(id: String, result: JSON)
    /// `error`: operation `id` failed; nothing more comes for it.
    case error(id: String, errors: [JSON])
    /// `complete`: operation `id` has ended.
    case complete(id: String)

    /// The message as JSON text.
    var text: String {
        let object: JSONObject
        switch self {
        case .connectionAck: object = ["type": "connection_ack"]
        case .pong: object = ["type": "pong"]
        case .next(let id, let result):
            object = ["id": .string(id), "type": "next", "payload": result]
        case .error(let id, let errors):
            object = ["id": .string(id), "type": "error", "payload": .list(errors)]
        case .complete(let id): object = ["id": .string(id), "type": "complete"]
        }
        return JSON.object(object).jsonText
    }
}
