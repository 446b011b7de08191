import Projections
import Synchronization

/// Carries a workload's result from a task back to the thread waiting for it.
final class ResultBox: Sendable {
    private let value = Mutex<Result<WorkloadReport, FormCommandError>?>(nil)

    func set(_ result: Result<WorkloadReport, FormCommandError>) {
        value.withLock { $0 = result }
    }

    func get() throws -> WorkloadReport {
        try value.withLock { $0! }.get()
    }
}
