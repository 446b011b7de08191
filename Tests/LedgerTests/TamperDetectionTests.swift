import Foundation
import Ledger
import Testing

@Suite struct TamperDetectionTests {
    @Test func flippedPayloadByteIsNamedByVerify() throws {
        let folder = TemporaryFolder()
        let marker = "TAMPER-\(UUID().uuidString)"
        var ledger = try Ledger(path: folder.path)
        _ = try ledger.appendWaiting(Sample.events(5), to: "a", expected: .noStream)
        let target = NewEvent(
            id: .random(), type: "T", payload: Array("{\"marker\":\"\(marker)\"}".utf8))
        let position = try ledger.appendWaiting([target], to: "b", expected: .noStream)[0]
        _ = try ledger.appendWaiting(Sample.events(5), to: "a", expected: .exact(4))
        #expect(try ledger.verify().problem == nil)
        ledger.close()

        // LMDB copies pages on write, so the file may also hold stale copies of the payload in
        // free pages. Flip one byte in each copy in turn: a stale copy changes nothing, and
        // the live one must be caught at exactly its position.
        let file = URL(fileURLWithPath: folder.path + "/data.mdb")
        let original = try Data(contentsOf: file)
        var detected: [UInt64] = []
        var searchFrom = original.startIndex
        while let range = original.range(of: Data(marker.utf8), in: searchFrom..<original.endIndex)
        {
            var tampered = original
            tampered[range.lowerBound + 3] ^= 0x01
            try tampered.write(to: file)
            ledger = try Ledger(path: folder.path)
            let report = try ledger.verify()
            ledger.close()
            if let problem = report.problem {
                #expect(report.eventsChecked == position - 1)
                detected.append(problem.position)
                break
            }
            searchFrom = range.upperBound
        }
        #expect(detected == [position])

        let cli = try BuiltBinary.run(["verify", "--data", folder.path])
        #expect(cli.status == 1)
        #expect(cli.output.contains("position \(position)"))
    }

    @Test func intactLogVerifiesThroughTheCommandLine() throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        _ = try ledger.appendWaiting(Sample.events(3), to: "a", expected: .noStream)
        ledger.close()
        let cli = try BuiltBinary.run(["verify", "--data", folder.path])
        #expect(cli.status == 0)
        #expect(cli.output.hasPrefix("OK: 3 events in 1 streams"))
    }
}

@Suite struct LiveVerificationTests {
    @Test func verifyWhileAppendsRunFindsNoProblem() async throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        _ = try await ledger.append(Sample.events(5_000), to: "seed", expected: .noStream)
        let writer = Task {
            for index in 0..<300 {
                _ = try await ledger.append(
                    [Sample.event(index)], to: "live-\(index % 7)", expected: .any)
            }
        }
        var reports: [VerificationReport] = []
        for _ in 0..<5 { reports.append(try ledger.verify()) }
        try await writer.value
        #expect(reports.allSatisfy { $0.problem == nil })
        #expect(try ledger.verify().eventsChecked == 5_300)
    }
}
