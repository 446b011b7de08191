import Domain

/// Runs a generator's commands with up to `width` in flight at once, as concurrent API
/// clients would: a command waits while another in flight touches the same BSD, and a
/// creation retries when another took its readable-id number first. The commands are the
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
        var waiting: CommandRequest?
        var issued = 0
        var failure: FormCommandError?
        await withTaskGroup(of: (Set<String>, Result<CommandOutcome, FormCommandError>).self) {
            group in
            var running = 0
            while failure == nil && (issued < count || running > 0) {
                if issued < count && waiting == nil {
                    waiting = generator.next()
                    issued += 1
                }
                if let request = waiting, running < width, busy.isDisjoint(with: request.keys) {
                    busy.formUnion(request.keys)
                    running += 1
                    waiting = nil
                    group.addTask { (request.keys, await Self.execute(request, service)) }
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

extension CommandRequest {
    /// The BSDs the command acts on or links to, besides the readable-id counter: a
    /// command waits for every other one touching them.
    var keys: Set<String> {
        var keys = Set([formId, newFormId].compactMap { $0 })
        switch command {
        case .create(let content), .update(let content):
            keys.formUnion(content.grouping.map(\.formId))
        default: break
        }
        return keys
    }
}
