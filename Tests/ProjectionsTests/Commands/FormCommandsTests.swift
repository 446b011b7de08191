import Domain
import Ledger
import Testing

@testable import Projections

@Suite struct FormCommandsTests {
    @Test func creationAppendsTheFormAndTheCounterInOneCommitWithActorMetadata() throws {
        let world = try ProjectionWorld()
        let id = try world.run(.create(Fixtures.content()), newId: "f1")
        #expect(id == "f1")
        let events = try world.ledger.readAll(after: 0)
        #expect(events.map(\.streamID) == ["readable-id-2026", "form-f1"])
        #expect(events[0].recordedAt == events[1].recordedAt)
        #expect(events[1].metadata.actingUser == "user-\(Fixtures.emitter)")
        #expect(events[1].metadata.actingCompany == Fixtures.emitter)
        #expect(events[1].metadata.correlationID == "test")
        let state = try world.queries.form(id: "f1", companies: [Fixtures.emitter])
        #expect(state?.readableId == "TD-26-AAA00001")
        #expect(state?.version == 1)
    }

    @Test func staleStateYieldsConflictAndAppendsNothing() throws {
        let world = try ProjectionWorld()
        try world.run(.create(Fixtures.content()), newId: "f1")
        let service = world.commands
        let request = CommandRequest(
            .seal, formId: "f1", actor: Fixtures.actor(Fixtures.emitter), now: Fixtures.day)
        let first = try service.prepare(request)
        let second = try service.prepare(request)
        _ = try world.ledger.appendWaiting(first.appends)
        let head = try world.ledger.head().position
        #expect(
            throws: LedgerError.wrongExpectedVersion(
                stream: "form-f1", expected: .exact(0), actual: 1)
        ) {
            try world.ledger.appendWaiting(second.appends)
        }
        #expect(
            FormCommands.mapped(.wrongExpectedVersion(stream: "s", expected: .exact(0), actual: 1))
                == .conflict(stream: "s", expected: .exact(0), actual: 1))
        #expect(try world.ledger.head().position == head)
    }

    @Test func concurrentCreationsGetDistinctGapFreeReadableIds() async throws {
        let world = try ProjectionWorld()
        let service = world.commands
        let outcomes = await withTaskGroup(of: Result<CommandOutcome, FormCommandError>.self) {
            group in
            for index in 0..<12 {
                group.addTask {
                    let request = CommandRequest(
                        .create(Fixtures.content()), actor: Fixtures.actor(Fixtures.emitter),
                        now: Fixtures.day, newFormId: "c\(index)")
                    return await WorkloadRunner.execute(request, service)
                }
            }
            var all: [Result<CommandOutcome, FormCommandError>] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        let ids = try outcomes.map { try $0.get().formId }
        let readable = try ids.map {
            try world.queries.form(id: $0, companies: [Fixtures.emitter])!.readableId
        }
        #expect(Set(readable).count == 12)
        #expect(Set(readable) == Set((1...12).map { ReadableId.format(year: 2026, number: $0) }))
    }

    @Test func refusedCommandAppendsNothingAndNamesTheDomainError() throws {
        let world = try ProjectionWorld()
        try world.run(.create(Fixtures.content()), newId: "f1")
        let head = try world.ledger.head().position
        #expect(throws: FormCommandError.self) {
            try world.run(
                .markProcessed(
                    Processing(operationDone: "R 1", processedBy: "x", processedAt: Fixtures.day)),
                on: "f1", as: Fixtures.recipient)
        }
        do {
            try world.run(.markResent, on: "f1")
        } catch let error as FormCommandError {
            guard case .domain(.invalidTransition(status: .draft, _)) = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
        #expect(try world.ledger.head().position == head)
    }
}

@Suite struct DrawnReadableIdTests {
    static func creation(_ id: String, readableId: String) -> CommandRequest {
        var request = CommandRequest(
            .create(Fixtures.content()), actor: Fixtures.actor(Fixtures.emitter),
            now: Fixtures.day, newFormId: id)
        request.newReadableId = readableId
        return request
    }

    @Test func aDrawnReadableIdNeedsNoCounterStream() throws {
        let world = try ProjectionWorld()
        _ = try world.commands.executeWaiting(
            Self.creation("f1", readableId: "BSD-20260301-0000000AB"))
        let events = try world.ledger.readAll(after: 0)
        #expect(events.map(\.streamID) == ["form-f1"])
        let state = try world.queries.form(
            readableId: "BSD-20260301-0000000AB", companies: [Fixtures.emitter])
        #expect(state?.id == "f1")
    }

    @Test func concurrentCreationsWithDrawnIdsAllSucceed() async throws {
        let world = try ProjectionWorld()
        let service = world.commands
        let failures = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<24 {
                group.addTask {
                    let request = Self.creation(
                        "c\(index)", readableId: "BSD-20260301-00000\(1000 + index)")
                    do {
                        _ = try await service.execute(request)
                        return false
                    } catch {
                        return true
                    }
                }
            }
            var count = 0
            for await failed in group where failed { count += 1 }
            return count
        }
        #expect(failures == 0)
        #expect(try world.ledger.head().position == 24)
    }

    @Test func aReadableIdAlreadyTakenIsRefusedAndNothingIsWritten() throws {
        let world = try ProjectionWorld()
        _ = try world.commands.executeWaiting(Self.creation("f1", readableId: "BSD-20260301-X"))
        let head = try world.ledger.head().position
        #expect(throws: FormCommandError.readableIdTaken("BSD-20260301-X")) {
            try world.commands.executeWaiting(Self.creation("f2", readableId: "BSD-20260301-X"))
        }
        #expect(try world.ledger.head().position == head)
        #expect(try world.queries.form(id: "f2", companies: [Fixtures.emitter]) == nil)
    }
}
