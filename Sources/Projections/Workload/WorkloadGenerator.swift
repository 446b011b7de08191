import Domain

/// A deterministic stream of realistic BSD commands: companies of every kind, and BSDs
/// moving along every lifecycle path (direct, multimodal, refusal, partial refusal,
/// planned and unplanned temporary storage, cancellation, draft editing with duplication
/// and deletion, paper import), several BSDs in flight at once. The same seed gives the
/// same commands, ids and instants.
public struct WorkloadGenerator {
    private var random: SeededRandom
    private var scripts: WorkloadScripts
    private var flights: [WorkloadFlight] = []
    private var formsStarted = 0
    private let seed: UInt64
    private let inFlight: Int
    /// Commands handed out so far.
    public private(set) var issued = 0
    /// The instant of the first command; each next one is 37 seconds later.
    public let start: Timestamp

    /// A generator for `seed` over `companies` companies, with up to `inFlight` BSDs
    /// progressing at once.
    public init(
        seed: UInt64, companies: Int = 50, inFlight: Int = 64,
        start: Timestamp = Timestamp(year: 2026, month: 1, day: 5)
    ) {
        self.seed = seed
        self.inFlight = max(1, inFlight)
        self.start = start
        random = SeededRandom(seed: seed)
        let pool = WorkloadCompanies(count: companies, random: &random)
        scripts = WorkloadScripts(companies: pool, random: SeededRandom(seed: seed ^ 0x5EED))
    }

    /// Every company's SIRET, producers first.
    public var sirets: [String] { scripts.companies.all.compactMap(\.siret) }

    /// The next command.
    public mutating func next() -> CommandRequest {
        nextStep().request
    }

    /// The next command and the id of the BSD whose script it belongs to: the commands of
    /// one script depend on each other, those of different scripts do not.
    public mutating func nextStep() -> (request: CommandRequest, script: String) {
        if flights.count < inFlight || random.next() % 16 == 0 { startFlight() }
        let index = Int(random.next() % UInt64(flights.count))
        let step = flights[index].steps[flights[index].next]
        let script = flights[index].id
        flights[index].next += 1
        if flights[index].isDone { flights.swapAt(index, flights.count - 1) }
        if flights.last?.isDone == true { flights.removeLast() }
        let now = Timestamp(microseconds: start.microseconds + Int64(issued) * 37_000_000)
        issued += 1
        let request = CommandRequest(
            step.command(now), formId: step.formId,
            actor: Actor(userId: "user-\(step.actor.siret!)", companyOrgId: step.actor.siret),
            now: now, newFormId: step.newFormId, correlationId: "workload-\(seed)-\(issued)")
        return (request, script)
    }

    private mutating func startFlight() {
        let paths = WorkloadPath.allCases
        let path = paths[Int(random.next() % UInt64(paths.count))]
        formsStarted += 1
        let id = "w\(seed)-\(formsStarted)"
        flights.append(
            WorkloadFlight(id: id, steps: scripts.steps(path, formId: id, spareId: id + "-copy")))
    }

    /// Runs `count` commands through `service`, in order, and returns what was appended.
    /// - Throws: ``FormCommandError`` for the first command refused (a generated command
    ///   never should be).
    public mutating func run(
        commands count: Int, on service: FormCommands,
        progress: ((Int) -> Void)? = nil
    ) throws(FormCommandError) -> WorkloadReport {
        var report = WorkloadReport()
        for index in 0..<count {
            let outcome = try service.executeWaiting(next())
            report.commands += 1
            report.events += outcome.events.count
            report.lastPosition = outcome.positions.last ?? report.lastPosition
            if (index + 1) % 10_000 == 0 { progress?(index + 1) }
        }
        return report
    }
}

/// What a workload run appended.
public struct WorkloadReport: Sendable {
    /// Commands carried out.
    public var commands = 0
    /// Events appended.
    public var events = 0
    /// The ledger position of the last event.
    public var lastPosition: UInt64 = 0
}
