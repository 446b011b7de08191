import CanonicalJSON
import Ledger
import Testing

@Suite struct InputValidationTests {
    @Test(arguments: ["", "has space", "slash/no", String(repeating: "a", count: 201), "é"])
    func invalidStreamIDsAreRefused(stream: String) throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        #expect(throws: LedgerError.invalidStreamID(stream)) {
            try ledger.appendWaiting(Sample.events(1), to: stream, expected: .any)
        }
    }

    @Test(arguments: ["", "Form Sealed", "Form-Sealed", String(repeating: "T", count: 101)])
    func invalidEventTypesAreRefused(type: String) throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        #expect(throws: LedgerError.invalidEventType(type)) {
            try ledger.appendWaiting([Sample.event(type: type)], to: "s", expected: .any)
        }
    }

    @Test(arguments: ["{\"b\":1,\"a\":2}", "{ \"a\":1}", "[1,]", "1.0e3", "{\"a\":\"\\/\"}", ""])
    func nonCanonicalPayloadsAreRefusedAndNothingIsWritten(payload: String) throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let event = NewEvent(id: .random(), type: "T", payload: Array(payload.utf8))
        do {
            _ = try ledger.appendWaiting([event], to: "s", expected: .any)
            Issue.record("payload \(payload) was accepted")
        } catch {
            guard case .payloadNotCanonical(let id, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(id == event.id)
        }
        #expect(try ledger.head().position == 0)
    }
}

@Suite struct LargeAppendCheckTests {
    @Test func largeAppendReportsItsFirstBadPayloadAndWritesNothing() throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        var events = Sample.events(1_200)
        let bad = [700, 1_100]
        for index in bad {
            events[index].payload = Array("{\"b\":1,\"a\":2}".utf8)
        }
        do {
            _ = try ledger.appendWaiting(events, to: "bulk", expected: .noStream)
            Issue.record("an append with non-canonical payloads was accepted")
        } catch {
            guard case .payloadNotCanonical(let id, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(id == events[bad[0]].id)
        }
        #expect(try ledger.head().position == 0)
        #expect(
            try ledger.appendWaiting(Sample.events(1_200), to: "bulk", expected: .noStream).count
                == 1_200)
    }
}
