/// Why a JSON document could not be read, with the byte offset where reading stopped.
public struct JSONError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The closed set of reasons a document is refused.
    public enum Reason: String, Sendable {
        /// The document ended before a value was complete.
        case unexpectedEnd
        /// A byte that cannot start or continue a value at this place.
        case unexpectedByte
        /// A value of another JSON type than the one asked for.
        case typeMismatch
        /// A number that does not fit the asked-for Swift type.
        case numberOutOfRange
        /// A string with an invalid escape or invalid UTF-8.
        case invalidString
        /// Bytes after the top-level value.
        case trailingBytes
        /// Nesting deeper than ``JSONReader/maximumDepth``.
        case tooDeep
        /// Valid JSON that is not in canonical form (order, spacing, number or escape form).
        case notCanonical
        /// A required object member is absent.
        case missingKey
        /// A value that the decoding type refuses.
        case invalidValue
    }

    /// Why reading stopped.
    public var reason: Reason
    /// Offset of the byte where reading stopped.
    public var offset: Int
    /// For ``Reason/missingKey`` and ``Reason/invalidValue``: the member concerned.
    public var key: String?

    /// Makes an error at `offset`, optionally naming the object member concerned.
    public init(_ reason: Reason, at offset: Int, key: String? = nil) {
        self.reason = reason
        self.offset = offset
        self.key = key
    }

    /// A one-line explanation for logs and command-line output.
    public var description: String {
        let member = key.map { " (member \"\($0)\")" } ?? ""
        return "JSON \(reason.rawValue) at byte \(offset)\(member)"
    }
}
