import Domain

/// One BSD's scripted lifecycle in a generated workload: the commands still to run, each
/// with the company that runs it.
struct WorkloadFlight {
    /// One scripted command.
    struct Step {
        /// The command, given the instant it is issued at.
        var command: (Timestamp) -> FormCommand
        var formId: String?
        var actor: FormCompany
        var newFormId: String?
    }

    /// The id of the script's first BSD, which names the script.
    var id: String
    var steps: [Step]
    var next = 0

    var isDone: Bool { next == steps.count }
}

/// The lifecycle paths a workload draws from, as the reference describes them.
enum WorkloadPath: CaseIterable {
    case direct
    case multimodal
    case refusal
    case partialRefusal
    case plannedTemporaryStorage
    case unplannedTemporaryStorage
    case cancellation
    case draftEditing
    case paperImport
    case appendix2
    case appendix1
}
