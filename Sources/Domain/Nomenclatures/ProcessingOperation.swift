/// A treatment operation of the waste framework directive's annexes, as used on BSDs.
public struct ProcessingOperation: Hashable, Sendable {
    /// What the operation does to the waste.
    public enum Kind: String, Sendable {
        /// An R code that recovers the waste.
        case recovery
        /// A D code that disposes of the waste.
        case disposal
        /// A transit or grouping code (R 12, R 13, D 9, D 13, D 14, D 15).
        case grouping
    }

    /// The code, spaced (`R 1`, `D 9 F`).
    public let code: String
    /// The official label.
    public let label: String
    /// Recovery, disposal or grouping.
    public let kind: Kind
    /// Whether the operation ends the waste's traceability chain.
    public let isFinal: Bool
    /// The operation modes allowed with this code; empty means no mode may be given.
    public let allowedModes: [OperationMode]

    /// Whether the code is a grouping code, which needs a next destination.
    public var isGrouping: Bool { kind == .grouping }
}
