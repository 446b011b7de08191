/// The arguments of `formsLifeCycle` (reference §6): a company's status log, newest first,
/// in pages of 100.
public struct LifecycleFilter: Sendable {
    /// The company; must be one of the caller's.
    public var siret: String
    /// Keep entries logged strictly before this instant (µs).
    public var loggedBefore: Int64?
    /// Keep entries logged strictly after this instant (µs).
    public var loggedAfter: Int64?
    /// Continue with entries older than this cursor (``StatusLogEntry/cursor``).
    public var cursorAfter: String?
    /// Continue with entries newer than this cursor.
    public var cursorBefore: String?
    /// Keep the entries of one BSD.
    public var formId: String?

    /// Entries per page.
    public static let pageSize = 100

    /// The whole log of `siret`.
    public init(siret: String) {
        self.siret = siret
    }
}

/// One page of `formsLifeCycle`.
public struct LifecyclePage: Sendable {
    /// The entries, newest first.
    public var statusLogs: [StatusLogEntry]
    /// Whether older entries follow.
    public var hasNextPage: Bool
    /// Whether newer entries precede.
    public var hasPreviousPage: Bool
    /// The first entry's cursor.
    public var startCursor: String?
    /// The last entry's cursor.
    public var endCursor: String?
    /// The number of entries in the page.
    public var count: Int { statusLogs.count }
}

extension StatusLogEntry {
    /// The entry's cursor for `formsLifeCycle`: `<loggedAt>-<position>`.
    public var cursor: String { "\(loggedAt)-\(id)" }

    /// The (loggedAt, position) of a cursor, or nil when malformed.
    static func parse(cursor: String) -> (Int64, UInt64)? {
        let parts = cursor.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let at = Int64(parts[0]), let position = UInt64(parts[1])
        else { return nil }
        return (at, position)
    }
}
