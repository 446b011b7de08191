import Ledger
import Testing

@Suite struct IdempotencyTests {
    @Test func resendingTheSameEventsReturnsOriginalPositionsAndWritesNothing() throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let events = Sample.events(3)
        let first = try ledger.appendWaiting(events, to: "form-1", expected: .noStream)
        let head = try ledger.head()
        let again = try ledger.appendWaiting(events, to: "form-1", expected: .noStream)
        #expect(again == first)
        #expect(try ledger.head() == head)
    }

    @Test func resendingUnderAnyIsAlsoIdempotent() throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let events = Sample.events(2)
        let first = try ledger.appendWaiting(events, to: "form-1", expected: .any)
        _ = try ledger.appendWaiting(Sample.events(1), to: "form-1", expected: .any)
        #expect(try ledger.appendWaiting(events, to: "form-1", expected: .any) == first)
        #expect(try ledger.head().position == 3)
        #expect(try ledger.streamVersion("form-1") == 2)
    }

    @Test func sameIDWithOtherPayloadIsRefused() throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let id = EventID.random()
        _ = try ledger.appendWaiting([Sample.event(1, id: id)], to: "form-1", expected: .any)
        #expect(throws: LedgerError.eventIDReused(id, position: 1)) {
            try ledger.appendWaiting([Sample.event(2, id: id)], to: "form-1", expected: .any)
        }
        #expect(try ledger.head().position == 1)
    }

    @Test func sameIDOnAnotherStreamIsRefused() throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let event = Sample.event(1)
        _ = try ledger.appendWaiting([event], to: "form-1", expected: .any)
        #expect(throws: LedgerError.eventIDReused(event.id, position: 1)) {
            try ledger.appendWaiting([event], to: "form-2", expected: .any)
        }
    }

    @Test func batchMixingStoredAndNewIDsIsRefused() throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let stored = Sample.event(1)
        _ = try ledger.appendWaiting([stored], to: "form-1", expected: .any)
        #expect(throws: LedgerError.eventIDReused(stored.id, position: 1)) {
            try ledger.appendWaiting([stored, Sample.event(2)], to: "form-1", expected: .any)
        }
        #expect(try ledger.head().position == 1)
    }

    @Test func storedIDAfterANewOneIsRefusedAndNothingIsWritten() throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let stored = Sample.event(1)
        _ = try ledger.appendWaiting([stored], to: "form-1", expected: .any)
        #expect(throws: LedgerError.eventIDReused(stored.id, position: 1)) {
            try ledger.appendWaiting(
                [Sample.event(2), Sample.event(3), stored], to: "form-2", expected: .any)
        }
        #expect(try ledger.head().position == 1)
        #expect(try ledger.streamVersion("form-2") == nil)
        #expect(try ledger.verify().problem == nil)
    }

    @Test func sameIDTwiceInOneAppendIsRefused() throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let event = Sample.event(1)
        #expect(throws: LedgerError.duplicateEventID(event.id)) {
            try ledger.appendWaiting([event, event], to: "form-1", expected: .any)
        }
        #expect(try ledger.head().position == 0)
    }

    @Test func idempotentRetryWinsOverStaleExpectedVersion() throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let event = Sample.event(1)
        let first = try ledger.appendWaiting([event], to: "form-1", expected: .noStream)
        // The caller did not see the acknowledgement and retries with the same expectation.
        #expect(try ledger.appendWaiting([event], to: "form-1", expected: .noStream) == first)
    }
}
