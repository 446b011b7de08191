import Ledger
import Testing

@Suite struct ExpectedVersionTests {
    /// A stream holding `count` events (count 0: no stream).
    private func ledger(withStreamOf count: Int, in folder: TemporaryFolder) throws -> Ledger {
        let ledger = try Ledger(path: folder.path)
        if count > 0 {
            _ = try ledger.appendWaiting(Sample.events(count), to: "form-1", expected: .noStream)
        }
        return ledger
    }

    static let cases: [(existing: Int, expected: ExpectedVersion, accepted: Bool)] = [
        (0, .any, true), (0, .noStream, true), (0, .streamExists, false), (0, .exact(0), false),
        (1, .any, true), (1, .noStream, false), (1, .streamExists, true), (1, .exact(0), true),
        (1, .exact(1), false), (2, .exact(1), true), (2, .exact(0), false), (2, .noStream, false),
        (2, .streamExists, true), (2, .exact(5), false),
    ]

    @Test(arguments: cases)
    func expectedVersionMatrixAcceptsOrRefusesWithActualVersion(
        existing: Int, expected: ExpectedVersion, accepted: Bool
    ) throws {
        let folder = TemporaryFolder()
        let ledger = try ledger(withStreamOf: existing, in: folder)
        defer { ledger.close() }
        let actual: UInt64? = existing == 0 ? nil : UInt64(existing - 1)
        if accepted {
            let positions = try ledger.appendWaiting(
                [Sample.event(99)], to: "form-1", expected: expected)
            #expect(positions == [UInt64(existing + 1)])
            #expect(try ledger.streamVersion("form-1") == UInt64(existing))
        } else {
            #expect(
                throws: LedgerError.wrongExpectedVersion(
                    stream: "form-1", expected: expected, actual: actual)
            ) {
                try ledger.appendWaiting([Sample.event(99)], to: "form-1", expected: expected)
            }
            #expect(try ledger.head().position == UInt64(existing))
            #expect(try ledger.streamVersion("form-1") == actual)
        }
    }

    @Test func streamVersionsStartAtZeroAndPositionsAreGlobal() throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        #expect(try ledger.appendWaiting(Sample.events(2), to: "a", expected: .noStream) == [1, 2])
        #expect(try ledger.appendWaiting(Sample.events(1), to: "b", expected: .noStream) == [3])
        #expect(try ledger.appendWaiting(Sample.events(1), to: "a", expected: .exact(1)) == [4])
        #expect(try ledger.readStream("a").map(\.streamVersion) == [0, 1, 2])
        #expect(try ledger.readStream("b").map(\.streamVersion) == [0])
    }
}
