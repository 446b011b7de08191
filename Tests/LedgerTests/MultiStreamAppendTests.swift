import Ledger
import Testing

@Suite struct MultiStreamAppendTests {
    @Test func appendToSeveralStreamsCommitsAllParts() throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let positions = try ledger.appendWaiting([
            StreamAppend(stream: "form-1", expected: .noStream, events: Sample.events(2)),
            StreamAppend(stream: "readable-id-2026", expected: .noStream, events: Sample.events(1)),
        ])
        #expect(positions == [[1, 2], [3]])
        #expect(try ledger.streamVersion("form-1") == 1)
        #expect(try ledger.streamVersion("readable-id-2026") == 0)
    }

    @Test func conflictInOnePartWritesNoPart() throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        _ = try ledger.appendWaiting(Sample.events(1), to: "counter", expected: .noStream)
        #expect(
            throws: LedgerError.wrongExpectedVersion(
                stream: "counter", expected: .noStream, actual: 0)
        ) {
            try ledger.appendWaiting([
                StreamAppend(stream: "form-1", expected: .noStream, events: Sample.events(2)),
                StreamAppend(stream: "counter", expected: .noStream, events: Sample.events(1)),
            ])
        }
        #expect(try ledger.streamVersion("form-1") == nil)
        #expect(try ledger.head().position == 1)
        #expect(try ledger.verify().problem == nil)
    }

    @Test func appendRefusedAfterSomeWritesIsRolledBackAloneInASharedCommit() async throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let stored = Sample.event(0)
        _ = try await ledger.append([stored], to: "stored", expected: .noStream)
        // Odd tasks send a new event followed by a stored id: refused after their first put.
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let events =
                        index.isMultiple(of: 2)
                        ? [Sample.event(index)] : [Sample.event(index), stored]
                    return (try? await ledger.append(events, to: "s-\(index)", expected: .noStream))
                        != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 100)
        #expect(try ledger.head().position == 101)
        let report = try ledger.verify()
        #expect(report.problem == nil)
        #expect(report.eventsChecked == 101)
    }

    @Test func refusedAppendLeavesConcurrentAppendsOfTheSameCommitIntact() async throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        _ = try await ledger.append(Sample.events(1), to: "taken", expected: .noStream)
        // Many appends race; every other one conflicts. Conflicts must not undo the others.
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let stream = index.isMultiple(of: 2) ? "taken" : "free-\(index)"
                    do {
                        _ = try await ledger.append(
                            Sample.events(1), to: stream, expected: .noStream)
                        return true
                    } catch {
                        return false
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 100)
        #expect(try ledger.head().position == 101)
        #expect(try ledger.verify().problem == nil)
    }
}
