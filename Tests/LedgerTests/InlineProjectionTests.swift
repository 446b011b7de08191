import Ledger
import Testing

/// Counts events per stream in its own database, and refuses events of type `Poison`.
struct CountingProjection: InlineProjection {
    struct Refused: Error {}

    let name = "counting"
    let databaseNames = ["counts"]

    func apply(_ events: [RecordedEvent], in context: ProjectionContext) throws {
        let counts = context.database("counts")
        for event in events {
            if event.type == "Poison" { throw Refused() }
            let key = Array(event.streamID.utf8)
            let current =
                try context.transaction.get(counts, key).map {
                    Int(String(decoding: $0, as: UTF8.self))!
                } ?? 0
            try context.transaction.put(counts, key, Array(String(current + 1).utf8))
        }
    }

    static func count(_ stream: String, in ledger: Ledger) throws -> Int {
        try ledger.read { transaction throws(LedgerError) in
            try transaction.get(ledger.database("counts")!, Array(stream.utf8))
        }.map { Int(String(decoding: $0, as: UTF8.self))! } ?? 0
    }
}

@Suite struct InlineProjectionTests {
    private func open(_ folder: TemporaryFolder) throws -> Ledger {
        var options = LedgerOptions()
        options.projections = [CountingProjection()]
        return try Ledger(path: folder.path, options: options)
    }

    @Test func projectionIsWrittenInTheSameCommitAsTheEvents() async throws {
        let folder = TemporaryFolder()
        let ledger = try open(folder)
        defer { ledger.close() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    _ = try await ledger.append(
                        Sample.events(2), to: "s-\(index % 4)", expected: .any)
                }
            }
            try await group.waitForAll()
        }
        for stream in 0..<4 {
            let version = try #require(try ledger.streamVersion("s-\(stream)"))
            #expect(try CountingProjection.count("s-\(stream)", in: ledger) == Int(version) + 1)
        }
    }

    @Test func projectionFailureRefusesTheAppendAndWritesNothing() throws {
        let folder = TemporaryFolder()
        let ledger = try open(folder)
        defer { ledger.close() }
        _ = try ledger.appendWaiting(Sample.events(2), to: "s", expected: .any)
        #expect(throws: LedgerError.projectionFailed(projection: "counting", reason: "Refused()")) {
            try ledger.appendWaiting(
                [Sample.event(1), Sample.event(type: "Poison")], to: "s", expected: .any)
        }
        #expect(try ledger.head().position == 2)
        #expect(try CountingProjection.count("s", in: ledger) == 2)
        #expect(try ledger.verify().problem == nil)
        #expect(try ledger.appendWaiting(Sample.events(1), to: "s", expected: .exact(1)) == [3])
    }

    @Test func refusedAppendsInAGroupCommitLeaveTheOthersCommitted() async throws {
        let folder = TemporaryFolder()
        let ledger = try open(folder)
        defer { ledger.close() }
        let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for index in 0..<64 {
                group.addTask {
                    let poisoned = index % 4 == 0
                    let events = [
                        Sample.event(index), Sample.event(type: poisoned ? "Poison" : "Fine"),
                    ]
                    do {
                        _ = try await ledger.append(events, to: "s-\(index)", expected: .noStream)
                        return (index, true)
                    } catch LedgerError.projectionFailed {
                        return (index, false)
                    }
                }
            }
            return try await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
        }
        for index in 0..<64 {
            #expect(outcomes[index] == (index % 4 != 0))
            let written = try ledger.streamVersion("s-\(index)")
            #expect(written == (index % 4 == 0 ? nil : 1))
            #expect(
                try CountingProjection.count("s-\(index)", in: ledger) == (index % 4 == 0 ? 0 : 2))
        }
        #expect(try ledger.head().position == 96)
        #expect(try ledger.verify().problem == nil)
        #expect(ledger.statistics.snapshot.eventsPerCommit > 2)
    }

    @Test func scanFromAnEmptyKeyVisitsEveryEntryInOrder() throws {
        let folder = TemporaryFolder()
        let ledger = try open(folder)
        defer { ledger.close() }
        _ = try ledger.appendWaiting(Sample.events(2), to: "b", expected: .any)
        _ = try ledger.appendWaiting(Sample.events(1), to: "a", expected: .any)
        var keys: [String] = []
        try ledger.read { transaction throws(LedgerError) in
            try transaction.scan(ledger.database("counts")!, from: []) { key, _ in
                keys.append(String(decoding: key, as: UTF8.self))
                return true
            }
        }
        #expect(keys == ["a", "b"])
    }

    @Test func projectionDatabasesSurviveReopen() throws {
        let folder = TemporaryFolder()
        var ledger = try open(folder)
        _ = try ledger.appendWaiting(Sample.events(3), to: "s", expected: .any)
        ledger.close()
        ledger = try open(folder)
        defer { ledger.close() }
        #expect(try CountingProjection.count("s", in: ledger) == 3)
    }
}
