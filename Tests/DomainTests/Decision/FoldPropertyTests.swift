import CanonicalJSON
import Domain
import Testing

/// Seeded random command sequences: folding the stored events rebuilds exactly the states
/// the decisions saw, refused commands emit nothing, and readable ids never repeat or skip.
@Suite struct FoldPropertyTests {
    static let seeds: [UInt64] = [1, 7, 42, 2026, 0xBADC0FFEE]
    static let steps = 400

    @Test(arguments: seeds)
    func foldingStoredEventsRebuildsWhatDecisionsSaw(seed: UInt64) throws {
        var commands = RandomCommands(random: SeededGenerator(seed: seed))
        var world = TestWorld()
        var stored: [(type: String, version: UInt16, payload: [UInt8])] = []
        var accepted = 0
        for step in 0..<Self.steps {
            let ids = world.forms.keys.sorted()
            let target = ids.isEmpty || commands.chance(10) ? nil : commands.pick(ids)
            let command =
                target.flatMap { world.forms[$0] }.map { commands.command(for: $0) }
                ?? .create(commands.content())
            let before = world
            do {
                let events = try world.run(command, on: target, as: Fixtures.emitterActor)
                accepted += events.isEmpty ? 0 : 1
                stored += events.map { ($0.type, $0.schemaVersion, $0.payload) }
                checkOutcome(command, events, world)
            } catch {
                #expect(world.log == before.log, "seed \(seed) step \(step): refused yet emitted")
                #expect(world.forms == before.forms)
                #expect(world.counters == before.counters)
            }
        }
        #expect(accepted > Self.steps / 4, "the generator should mostly produce valid commands")
        let reached = Set(world.log.compactMap(statusAfter))
        #expect(
            reached.count >= 10,
            "seed \(seed) reached only \(reached.sorted { $0.rawValue < $1.rawValue })")
        let replayed = try replay(stored)
        #expect(replayed.forms == world.forms, "seed \(seed)")
        #expect(replayed.counters == world.counters)
        checkCounter(world)
        checkTransitions(world)
    }

    static func withoutTransporterIds(_ content: FormContent) -> FormContent {
        var content = content
        for index in content.transporters.indices { content.transporters[index].id = nil }
        return content
    }

    /// The fold agrees with what the decision meant: an update leaves exactly the requested
    /// content, its transporters numbered, and each BSD ends in the status its last event
    /// records.
    func checkOutcome(_ command: FormCommand, _ events: [DomainEvent], _ world: TestWorld) {
        if case .update(let content) = command, let id = events.first?.formId {
            let folded = world.forms[id]?.content
            let requested = Self.withoutTransporterIds(content.normalized())
            #expect(folded.map(Self.withoutTransporterIds) == requested)
            #expect(folded?.transporters.allSatisfy { $0.id != nil } == true)
        }
        var last: [String: FormStatus] = [:]
        for event in events {
            if let status = statusAfter(event) { last[event.formId] = status }
        }
        for (id, status) in last {
            #expect(world.forms[id]?.status == status)
        }
    }

    /// Every status an event records is reachable from the previous one by some action of
    /// the workflow (or is the release of a grouped BSD by a refused regroupement).
    func checkTransitions(_ world: TestWorld) {
        let edges = Self.workflowEdges()
        var current: [String: FormStatus] = [:]
        for event in world.log {
            guard let next = statusAfter(event) else { continue }
            let id = event.formId
            if let previous = current[id] {
                let released = event.type == "FormUngrouped" && next == .awaitingGroup
                #expect(
                    edges.contains(Edge(from: previous, to: next)) || released,
                    "\(event.type): \(previous) → \(next)")
            }
            current[id] = next
        }
    }

    struct Edge: Hashable {
        var from: FormStatus
        var to: FormStatus
    }

    /// All (from, to) pairs the workflow allows, over a spread of guard facts.
    static func workflowEdges() -> Set<Edge> {
        var edges = Set<Edge>()
        let acceptations: [AcceptationStatus?] = [nil, .accepted, .refused, .partiallyRefused]
        for status in FormStatus.allCases {
            for action in WorkflowAction.allCases {
                for acceptation in acceptations {
                    for code in ["R 1", "R 13"] {
                        for flags in 0..<8 {
                            var facts = TransitionFacts()
                            facts.acceptationStatus = acceptation
                            facts.operationCode = code
                            facts.noTraceability = flags & 1 != 0
                            facts.nextDestinationIsForeign = flags & 2 != 0
                            facts.isDirectSupply = flags & 4 != 0
                            if let next = try? Workflow.next(from: status, on: action, facts: facts)
                            {
                                edges.insert(Edge(from: status, to: next))
                            }
                        }
                    }
                }
            }
        }
        return edges
    }

    /// Decodes stored events and folds them per stream, as a rebuild from the ledger would.
    func replay(_ stored: [(type: String, version: UInt16, payload: [UInt8])]) throws -> TestWorld {
        var rebuilt = TestWorld()
        for record in stored {
            try CanonicalJSON.validate(record.payload)
            let event = try DomainEvent.decode(
                type: record.type, schemaVersion: record.version, payload: record.payload)
            rebuilt.apply([event])
        }
        return rebuilt
    }

    /// The counter hands out 1, 2, 3, … and every BSD has a distinct readable id.
    func checkCounter(_ world: TestWorld) {
        let numbers = world.log.compactMap { event -> Int? in
            if case .readableIdReserved(let reserved) = event { return reserved.number }
            return nil
        }
        #expect(numbers == Array(1...max(numbers.count, 1)).prefix(numbers.count).map { $0 })
        let readableIds = world.forms.values.map(\.readableId)
        #expect(Set(readableIds).count == readableIds.count)
        #expect(readableIds.count == numbers.count)
        for form in world.forms.values {
            let streamEvents = world.log.filter { $0.stream == "form-" + form.id }
            #expect(form.version == streamEvents.count)
        }
    }
}
