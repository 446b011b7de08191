/// The stable codes of input issues.
enum InputIssueCode: String {
    /// A value of the wrong kind, or an unknown enum value.
    case invalidValue = "INVALID_VALUE"
    /// A date that is none of the accepted date-time forms.
    case invalidDate = "INVALID_DATE"
    /// A quantity in tonnes that is negative, not finite or absurdly large.
    case invalidQuantity = "INVALID_QUANTITY"
    /// A packaging volume that is negative or not finite.
    case invalidVolume = "INVALID_VOLUME"
    /// A field the input type requires.
    case required = "REQUIRED"
    /// Two fields that may not be given together.
    case conflictingFields = "CONFLICTING_FIELDS"
    /// An id that names nothing the caller may use.
    case notFound = "NOT_FOUND"
}
