/// What a traceability report checks against: the instant it is made at, how long a BSD
/// may wait at each step, and how far a received quantity may differ from the emitted one.
public struct TraceabilityOptions: Sendable {
    /// The report's instant (µs).
    public var now: Int64
    /// The delay of each step in µs; a missing step takes its default.
    public var delays: [TraceabilityStep: Int64] = [:]
    /// The largest accepted difference between received and emitted quantities, as a
    /// fraction of the emitted one (0.05: 5 %).
    public var quantityTolerance = 0.05

    /// Options at `now` with the default delays and a 5 % tolerance.
    public init(now: Int64) {
        self.now = now
    }

    /// The delay of `step` in µs.
    public func delay(_ step: TraceabilityStep) -> Int64 {
        delays[step] ?? step.defaultDelay
    }
}
