import Domain

/// Runs a generator's commands with up to `width` in flight at once, as concurrent API
/// clients would: a command waits while another of its script is in flight, and a creation
/// retries when another took its readable-id number first. The commands are the
/// generator's, in its order per BSD; how they interleave in the log depends on timing.
public struct WorkloadRunner {
    /// Commands in flight at most.
    public var width: Int

    /// Makes a runner.
    public init(width: Int = 8) {
        self.width = max(1, width)
    }

    /// Runs `count` commands of `generator` through `service`.
    /// - Throws: ``FormCommandError`` for the first command refused other than by a
    ///   readable-id conflict.
    public func run(
        _ generator: inout WorkloadGenerator, commands count: Int, on service: FormCommands
    ) async throws(FormCommandError) -> WorkloadReport {
        var report = WorkloadReport()
        var busy = Set<String>()
        var waiting: (request: CommandRequest, script: String)?
        var issued = 0
        var failure: FormCommandError?
        await withTaskGroup(of: (Set<String>, Result<CommandOutcome, FormCommandError>).self) {
            group in
            var running = 0
            while failure == nil && (issued < count || running > 0) {
                if issued < count && waiting == nil {
                    waiting = generator.nextStep()
                    issued += 1
                }
                if let (request, script) = waiting, running < width, !busy.contains(script) {
                    busy.insert(script)
                    running += 1
                    waiting = nil
                    group.addTask { ([script], await Self.execute(request, service)) }
                    continue
                }
                guard let (keys, result) = await group.next() else { break }
                running -= 1
                busy.subtract(keys)
                switch result {
                case .success(let outcome):
                    report.commands += 1
                    report.events += outcome.events.count
                    report.lastPosition = max(report.lastPosition, outcome.positions.last ?? 0)
                case .failure(let error): failure = error
                }
            }
            group.cancelAll()
        }
        if let failure { throw failure }
        return report
    }

    /// Runs one command, again while it loses the race for a readable-id number.
    static func execute(
        _ request: CommandRequest, _ service: FormCommands
    ) async -> Result<CommandOutcome, FormCommandError> {
        while true {
            do {
                return .success(try await service.execute(request))
            } catch .conflict(let stream, _, _) where stream.hasPrefix("readable-id-") {
                continue
            } catch {
                return .failure(error)
            }
        }
    }
}
