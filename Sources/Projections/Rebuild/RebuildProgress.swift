/// How far a rebuild has gone, reported after each chunk.
public struct RebuildProgress: Sendable {
    /// The projection being rebuilt.
    public var projection: String
    /// Events replayed so far.
    public var events: UInt64
    /// The log's head when the rebuild started (appends during it add to the work).
    public var total: UInt64
    /// Seconds since the rebuild started.
    public var seconds: Double

    /// Events per second so far.
    public var rate: Double { seconds > 0 ? Double(events) / seconds : 0 }

    /// Seconds left at the current rate, when it can be told.
    public var remainingSeconds: Double? {
        guard rate > 0, total >= events else { return nil }
        return Double(total - events) / rate
    }
}

/// What a finished rebuild did.
public struct RebuildReport: Sendable {
    /// The projection rebuilt.
    public var projection: String
    /// Events replayed.
    public var events: UInt64
    /// The slot that became active.
    public var slot: ProjectionSlot
    /// The stored version before (nil: never built).
    public var previousVersion: Int?
    /// Wall-clock seconds.
    public var seconds: Double
}
