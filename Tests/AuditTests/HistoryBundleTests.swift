import Audit
import CanonicalJSON
import Foundation
import Ledger
import Testing

@Suite struct HistoryBundleTests {
    /// A ledger where stream `form-x` has 5 events interleaved with 12 others.
    private func interleaved() throws -> AuditFixture {
        let fixture = try AuditFixture()
        for round in 0..<5 {
            try fixture.append(2, to: "other-\(round)")
            try fixture.append(1, to: "form-x", first: round)
            try fixture.append(round % 2, to: "other")
        }
        return fixture
    }

    private func verify(
        _ bytes: [UInt8], _ fixture: AuditFixture, earlier: SignedTreeHead? = nil
    ) -> BundleVerifier.Report {
        BundleVerifier(key: fixture.heads.key.verifyingKey, earlierHead: earlier).verify(bytes)
    }

    @Test func intactBundleVerifies() throws {
        let fixture = try interleaved()
        let bytes = try fixture.bundle("form-x")
        let report = verify(bytes, fixture)
        #expect(report.problems == [])
        #expect(report.eventsChecked == 5)
        #expect(report.head?.size == 17)
    }

    @Test func changedEventIsDetected() throws {
        let fixture = try interleaved()
        let tampered = try BundleEdit.with(try fixture.bundle("form-x")) { bundle in
            var events = BundleEdit.events(bundle)
            guard case .object(var event) = events[2],
                let envelope = event["envelope"]?.stringValue
            else { return }
            event["envelope"] = .string(
                envelope.replacingOccurrences(of: "\"value\":2", with: "\"value\":9"))
            events[2] = .object(event)
            bundle["events"] = .array(events)
        }
        let report = verify(tampered, fixture)
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.contains("content altered") == true)
    }

    @Test func removedEventIsDetected() throws {
        let fixture = try interleaved()
        let tampered = try BundleEdit.with(try fixture.bundle("form-x")) { bundle in
            var events = BundleEdit.events(bundle)
            events.remove(at: 1)
            bundle["events"] = .array(events)
        }
        let report = verify(tampered, fixture)
        #expect(report.problems.contains { $0.contains("missing or out of order") })
    }

    @Test func reorderedPairIsDetected() throws {
        let fixture = try interleaved()
        let tampered = try BundleEdit.with(try fixture.bundle("form-x")) { bundle in
            var events = BundleEdit.events(bundle)
            events.swapAt(1, 2)
            bundle["events"] = .array(events)
        }
        let report = verify(tampered, fixture)
        #expect(report.problems.contains { $0.contains("out of order") })
        #expect(report.problems.contains { $0.contains("not after position") })
    }

    @Test func forgedHeadIsDetected() throws {
        let fixture = try interleaved()
        let bytes = try fixture.bundle("form-x")
        let forgedRoot = try BundleEdit.with(bytes) { bundle in
            guard case .object(var head)? = bundle["treeHead"] else { return }
            head["size"] = .int(18)
            bundle["treeHead"] = .object(head)
        }
        #expect(verify(forgedRoot, fixture).problems.contains { $0.contains("signature") })
        let stranger = SigningKey(seed: [UInt8](repeating: 3, count: 32))
        let report = BundleVerifier(key: stranger.verifyingKey).verify(bytes)
        #expect(report.problems.contains { $0.contains("signed by key") })
    }

    @Test func rewrittenLogFailsConsistencyWithAnEarlierHead() throws {
        let original = try interleaved()
        let earlier = try original.heads.signCurrent()
        try original.append(3, to: "form-x", first: 5)
        let honest = try original.bundle("form-x", sinceSize: earlier.size)
        #expect(verify(honest, original, earlier: earlier).problems == [])

        // Same key, same first 10 events, then a different history, grown past the original.
        let rewritten = try AuditFixture(keyFile: try original.keyFileText)
        for round in 0..<5 {
            try rewritten.append(2, to: "other-\(round)")
            try rewritten.append(1, to: "form-x", first: round == 4 ? 40 : round)
            try rewritten.append(round % 2, to: "other")
        }
        try rewritten.append(3, to: "form-x", first: 5)
        let forged = try rewritten.bundle("form-x", sinceSize: earlier.size)
        let report = verify(forged, rewritten, earlier: earlier)
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.contains("rewritten") == true)
        let missing = verify(try rewritten.bundle("form-x"), rewritten, earlier: earlier)
        #expect(missing.problems.contains { $0.contains("no consistency proof") })
    }
}
