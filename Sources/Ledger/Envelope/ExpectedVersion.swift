/// What the caller believes about a stream before appending to it (optimistic concurrency).
public enum ExpectedVersion: Hashable, Sendable, CustomStringConvertible {
    /// Append whatever the stream's state.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream must hold at least one event.
    case streamExists
    /// The stream's last event must have this version (versions start at 0).
    case exact(UInt64)

    /// Whether a stream whose last version is `actual` (nil: no stream) satisfies this.
    func isSatisfied(by actual: UInt64?) -> Bool {
        switch self {
        case .any: true
        case .noStream: actual == nil
        case .streamExists: actual != nil
        case .exact(let version): actual == version
        }
    }

    /// The form used in errors and logs: `any`, `noStream`, `streamExists` or the number.
    public var description: String {
        switch self {
        case .any: "any"
        case .noStream: "noStream"
        case .streamExists: "streamExists"
        case .exact(let version): String(version)
        }
    }
}
