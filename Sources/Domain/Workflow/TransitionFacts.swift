/// What the workflow's guards read: the data the command is about to record.
public struct TransitionFacts: Hashable, Sendable {
    /// The acceptance decision being recorded, if any.
    public var acceptationStatus: AcceptationStatus?
    /// Whether an authorised traceability break is being recorded.
    public var noTraceability = false
    /// The operation code done, if any.
    public var operationCode: String?
    /// Whether the next destination being recorded is abroad.
    public var nextDestinationIsForeign = false
    /// The BSD's emitter type.
    public var emitterType: EmitterType?
    /// Whether the waste goes by pipeline or conveyor.
    public var isDirectSupply = false

    /// Facts with nothing recorded.
    public init() {}

    /// `isFormRefused`: the waste is fully refused.
    var isRefused: Bool { acceptationStatus == .refused }

    /// `isFormAccepted`: the waste is accepted, fully or partly.
    var isAccepted: Bool {
        acceptationStatus == .accepted || acceptationStatus == .partiallyRefused
    }

    /// Whether the operation done is a grouping code.
    var isGroupingOperation: Bool {
        guard let operationCode else { return false }
        return Nomenclatures.operation(operationCode)?.isGrouping ?? false
    }

    /// `awaitsGroup`: a grouping code, a French next destination, no traceability break,
    /// and not an annexe-1 item.
    var awaitsGroup: Bool {
        isGroupingOperation && !nextDestinationIsForeign && !noTraceability
            && emitterType != .appendix1Producer
    }

    /// `isFollowedWithPnttd`: a grouping code with a foreign next destination.
    var isFollowedWithPnttd: Bool {
        isGroupingOperation && nextDestinationIsForeign && !noTraceability
    }
}
