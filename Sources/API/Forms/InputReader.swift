import Domain
import GraphQL

/// Reads one GraphQL input object field by field into domain values, with the merge rules
/// of `updateForm`: a field left out keeps the target's value, an explicit null clears it, a
/// value replaces it. Problems are collected as issues (dotted path, code) rather than thrown
/// one by one, so a caller hears about every bad field of an input at once.
struct InputReader {
    /// The input object.
    let fields: JSONObject
    /// The object's dotted path from the root input; empty at the root.
    let path: String
    /// The problems found so far, nested objects' included.
    var issues: [(path: String, code: String)] = []

    /// A reader of `fields` found at `path`.
    init(_ fields: JSONObject, path: String = "") {
        self.fields = fields
        self.path = path
    }

    /// The dotted path of the field `key`.
    func path(_ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    /// Records a problem with the field `key`.
    mutating func add(_ key: String, _ code: InputIssueCode) {
        issues.append((path(key), code.rawValue))
    }

    /// Throws `BAD_USER_INPUT` listing every issue, when there is one.
    func check() throws(APIError) {
        guard !issues.isEmpty else { return }
        throw Self.error(issues)
    }

    /// `BAD_USER_INPUT` naming each issue in its message and listing them in `issues`.
    static func error(_ issues: [(path: String, code: String)]) -> APIError {
        let listed = issues.map { "\($0.path) (\($0.code))" }.joined(separator: ", ")
        var error = APIError(.badUserInput, "Invalid input: \(listed).")
        error.issues = issues
        return error
    }

    /// `value` once every issue has been thrown; a missing value always comes with an issue.
    func finish<T>(_ value: T?) throws(APIError) -> T {
        try check()
        guard let value else { preconditionFailure("a required value is missing without issue") }
        return value
    }

    /// Runs `body` on a reader of the object at `key` (whose issues join this reader's);
    /// nil when the field is absent or null, or not an object (an issue).
    mutating func nested<T>(_ key: String, _ body: (inout InputReader) -> T) -> T? {
        guard let value = fields[key], !value.isNull else { return nil }
        guard case .object(let object) = value else {
            add(key, .invalidValue)
            return nil
        }
        var child = InputReader(object, path: path(key))
        let result = body(&child)
        issues += child.issues
        return result
    }

    /// Merges the object at `key` into `target` with `merge`; null clears the target.
    mutating func merge<T>(
        _ key: String, into target: inout T?, empty: T,
        _ merge: (inout InputReader, inout T) -> Void
    ) {
        guard let value = fields[key] else { return }
        if value.isNull {
            target = nil
            return
        }
        var current = target ?? empty
        if nested(key, { merge(&$0, &current) }) != nil { target = current }
    }

    /// Merges the object at `key` into a block that always exists; null empties it.
    mutating func merge<T>(
        _ key: String, into target: inout T, empty: T, _ merge: (inout InputReader, inout T) -> Void
    ) {
        var optional: T? = target
        self.merge(key, into: &optional, empty: empty, merge)
        target = optional ?? empty
    }

    /// Builds a value from the object at `key`; nil when absent or null.
    mutating func read<T>(
        _ key: String, empty: T, _ merge: (inout InputReader, inout T) -> Void
    )
        -> T?
    {
        var value: T?
        self.merge(key, into: &value, empty: empty, merge)
        return value
    }
}
