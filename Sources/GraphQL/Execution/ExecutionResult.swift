/// The outcome of executing an operation: data, errors, or both.
public struct ExecutionResult: Sendable, Equatable {
    /// The data; nil when execution did not start (request errors) and `.null` when a non-null
    /// root field failed.
    public var data: JSON?
    /// The errors, in the order they happened.
    public var errors: [GraphQLError]

    /// Creates a result.
    public init(data: JSON?, errors: [GraphQLError] = []) {
        self.data = data
        self.errors = errors
    }

    /// The response as JSON: `errors` first when present, then `data`.
    public var json: JSON {
        var object = JSONObject()
        if !errors.isEmpty { object["errors"] = .list(errors.map(\.json)) }
        if let data { object["data"] = data }
        return .object(object)
    }
}

/// A response path held as a linked list, so that a field extends its parent's path for free.
final class ResponsePath: Sendable {
    let parent: ResponsePath?
    let component: PathComponent

    init(parent: ResponsePath?, component: PathComponent) {
        self.parent = parent
        self.component = component
    }

    /// The path from the root.
    var components: [PathComponent] {
        var result: [PathComponent] = []
        var node: ResponsePath? = self
        while let current = node {
            result.append(current.component)
            node = current.parent
        }
        return result.reversed()
    }
}
