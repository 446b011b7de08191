import GraphQL

/// A message of the `graphql-transport-ws` protocol sent by the client.
enum TransportWSMessage: Equatable, Sendable {
    /// `connection_init`, with the optional payload (credentials go here).
    case connectionInit(payload: JSONObject?)
    /// `ping`, to be answered with a pong.
    case ping(payload: JSONObject?)
    /// `pong`, an answer or a heartbeat; nothing to do.
    case pong(payload: JSONObject?)
    /// `subscribe`: start operation `id`.
    case subscribe(id: String, request: TransportWSRequest)
    /// `complete`: the client stops operation `id`.
    case complete(id: String)

    /// Why a text is not a valid client message: the reason sent with close code 4400.
    struct Invalid: Error, Equatable {
        /// The close reason.
        let reason: String
    }

    /// Reads one client message.
    /// - Throws: ``Invalid`` when the text is not JSON, not an object, has no known `type`,
    ///   is a server-only type, or has members of the wrong kinds.
    static func parse(_ text: String) throws(Invalid) -> TransportWSMessage {
        guard case .object(let object)? = try? JSON.parse(text) else {
            throw Invalid(reason: "Invalid message: not a JSON object")
        }
        guard case .string(let type)? = object["type"] else {
            throw Invalid(reason: "Invalid message: no type")
        }
        switch type {
        case "connection_init": return .connectionInit(payload: try payload(object, type))
        case "ping": return .ping(payload: try payload(object, type))
        case "pong": return .pong(payload: try payload(object, type))
        case "subscribe":
            return .subscribe(id: try id(object, type), request: try request(object))
        case "complete": return .complete(id: try id(object, type))
        case "connection_ack", "next", "error":
            throw Invalid(reason: "Unexpected message of type \(type) from a client")
        default:
            throw Invalid(reason: "Invalid message type \(type)")
        }
    }

    /// The optional object payload of `connection_init`, `ping` and `pong`.
    private static func payload(
        _ object: JSONObject, _ type: String
    ) throws(Invalid)
        -> JSONObject?
    {
        switch object["payload"] {
        case nil, .null?: return nil
        case .object(let payload)?: return payload
        default: throw Invalid(reason: "Invalid message: \(type) payload must be an object")
        }
    }

    private static func id(_ object: JSONObject, _ type: String) throws(Invalid) -> String {
        guard case .string(let id)? = object["id"], !id.isEmpty else {
            throw Invalid(reason: "Invalid message: \(type) needs a non-empty string id")
        }
        return id
    }

    private static func request(_ object: JSONObject) throws(Invalid) -> TransportWSRequest {
        guard case .object(let payload)? = object["payload"],
            case .string(let query)? = payload["query"]
        else {
            throw Invalid(reason: "Invalid message: subscribe payload needs a string query")
        }
        var request = TransportWSRequest(query: query)
        switch payload["operationName"] {
        case nil, .null?: break
        case .string(let name)?: request.operationName = name
        default: throw Invalid(reason: "Invalid message: operationName must be a string")
        }
        for member in ["variables", "extensions"] {
            switch payload[member] {
            case nil, .null?: break
            case .object(let value)?:
                if member == "variables" { request.variables = value }
            default: throw Invalid(reason: "Invalid message: \(member) must be an object")
            }
        }
        return request
    }
}

/// The GraphQL request of a `subscribe` message.
struct TransportWSRequest: Equatable, Sendable {
    /// The document.
    var query: String
    /// The operation to run, when the document has several.
    var operationName: String?
    /// The variables.
    var variables = JSONObject()
}
