/// An error of the GraphQL engine, carrying the source locations and the response path at fault.
///
/// Every stage reports through this one type so that a server can serialise any failure the
/// same way; `category` says which stage produced it.
public struct GraphQLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stage that produced an error.
    public enum Category: String, Sendable, Equatable {
        /// The document is not valid GraphQL syntax.
        case syntax
        /// The document breaks a rule of the specification's Validation section.
        case validation
        /// The document exceeds a configured limit.
        case limit
        /// A variable or argument could not be coerced to its input type.
        case coercion
        /// A resolver failed or a value could not be completed.
        case execution
        /// A schema definition is inconsistent.
        case schema
    }

    /// A human-readable explanation naming the thing at fault.
    public var message: String
    /// Where in the document the fault lies; empty when no node is involved.
    public var locations: [SourceLocation]
    /// The response path of the field at fault, for execution errors.
    public var path: [PathComponent]
    /// Extra machine-readable data, such as a `code`.
    public var extensions: JSONObject?
    /// The stage that produced the error.
    public var category: Category

    /// Creates an error.
    /// - Parameters:
    ///   - message: the explanation.
    ///   - locations: the source locations at fault.
    ///   - path: the response path, for execution errors.
    ///   - extensions: extra data such as `code`.
    ///   - category: the stage reporting the error.
    public init(
        _ message: String, locations: [SourceLocation] = [], path: [PathComponent] = [],
        extensions: JSONObject? = nil, category: Category = .execution
    ) {
        self.message = message
        self.locations = locations
        self.path = path
        self.extensions = extensions
        self.category = category
    }

    /// The message followed by the first location, for logs.
    public var description: String {
        guard let first = locations.first else { return message }
        return "\(message) (\(first.line):\(first.column))"
    }

    /// The error in the response format: message, locations, path and extensions.
    public var json: JSON {
        var object = JSONObject()
        object["message"] = .string(message)
        if !locations.isEmpty {
            object["locations"] = .list(
                locations.map { .object(["line": .int($0.line), "column": .int($0.column)]) })
        }
        if !path.isEmpty {
            object["path"] = .list(path.map(\.json))
        }
        if let extensions {
            object["extensions"] = .object(extensions)
        }
        return .object(object)
    }
}

/// One step of a response path: a field's response name or a list index.
public enum PathComponent: Sendable, Hashable {
    /// A field, by its response name (alias or name).
    case key(String)
    /// A position in a list.
    case index(Int)

    /// The component as a JSON value.
    public var json: JSON {
        switch self {
        case .key(let key): return .string(key)
        case .index(let index): return .int(index)
        }
    }
}

/// An error a resolver can throw to choose the message and extensions (such as `code`) that the
/// response shows.
public protocol GraphQLReportableError: Error {
    /// The message shown in the response.
    var graphQLMessage: String { get }
    /// Extra machine-readable data shown in the response, such as `code`.
    var graphQLExtensions: JSONObject? { get }
}
