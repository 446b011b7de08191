/// Accumulates validation issues so that a command reports all of them at once.
struct IssueCollector {
    private(set) var issues: [ValidationIssue] = []

    /// Records an issue at `path`.
    mutating func add(_ path: String, _ code: ValidationCode) {
        issues.append(ValidationIssue(path, code))
    }

    /// Records `required` at `path` when `value` is nil or blank.
    mutating func require(_ value: String?, _ path: @autoclosure () -> String) {
        if value?.contains(where: { !$0.isWhitespace }) != true { add(path(), .required) }
    }

    /// Records `required` at `path` when `value` is nil.
    mutating func require<T>(_ value: T?, _ path: @autoclosure () -> String) {
        if value == nil { add(path(), .required) }
    }

    /// Records `tooLong` when `value` has more than `limit` characters.
    mutating func limit(_ value: String?, _ limit: Int, _ path: @autoclosure () -> String) {
        // A character takes at least one byte: few enough bytes need no counting.
        guard let value, value.utf8.count > limit else { return }
        if value.count > limit { add(path(), .tooLong) }
    }

    /// Records `tooLong` when `value` takes more than `limit` bytes in UTF-8: for text that
    /// goes into index keys, whose size is bounded in bytes whatever the characters.
    mutating func limitBytes(_ value: String?, _ limit: Int, _ path: @autoclosure () -> String) {
        if let value, value.utf8.count > limit { add(path(), .tooLong) }
    }

    /// Appends another collector's issues.
    mutating func merge(_ other: [ValidationIssue]) {
        issues.append(contentsOf: other)
    }

    /// Throws ``DomainError/validationFailed(_:)`` when any issue was recorded.
    func check() throws(DomainError) {
        if !issues.isEmpty { throw .validationFailed(issues) }
    }
}

/// A dotted path under `prefix`.
func path(_ prefix: String, _ field: String) -> String {
    prefix.isEmpty ? field : prefix + "." + field
}
