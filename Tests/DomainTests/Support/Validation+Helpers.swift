import Domain

/// The issues of `content` at `level` for a BSD created at `createdAt`.
func issues(
    _ content: FormContent, _ level: FormValidator.Level = .sealed,
    createdAt: Timestamp = Fixtures.createdAt
) -> [ValidationIssue] {
    FormValidator(createdAt: createdAt, level: level).issues(in: content)
}

/// Shorthand for an issue.
func issue(_ path: String, _ code: ValidationCode) -> ValidationIssue {
    ValidationIssue(path, code)
}

/// The content of the fixtures with one change.
func content(_ change: (inout FormContent) -> Void) -> FormContent {
    var content = Fixtures.content()
    change(&content)
    return content
}
