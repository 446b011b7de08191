import Audit
import CanonicalJSON
import Foundation
import Ledger
import Testing

@Suite struct HistoryBundleTests {
    /// A ledger where BSD `x` (stream `form-x`) has 5 events interleaved with 12 others:
    /// its creation, then events with payload values 1 to 4.
    private func interleaved() throws -> AuditFixture {
        let fixture = try AuditFixture()
        for round in 0..<5 {
            try fixture.append(2, to: "other-\(round)")
            if round == 0 {
                try fixture.create("x")
            } else {
                try fixture.append(1, to: "form-x", first: round)
            }
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
        let bytes = try fixture.bundle("x")
        let report = verify(bytes, fixture)
        #expect(report.problems == [])
        #expect(report.eventsChecked == 5)
        #expect(report.head?.size == 17)
    }

    @Test func changedEventIsDetected() throws {
        let fixture = try interleaved()
        let tampered = try BundleEdit.with(try fixture.bundle("x")) { bundle in
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
        let tampered = try BundleEdit.with(try fixture.bundle("x")) { bundle in
            var events = BundleEdit.events(bundle)
            events.remove(at: 1)
            bundle["events"] = .array(events)
        }
        let report = verify(tampered, fixture)
        #expect(report.problems.contains { $0.contains("missing or out of order") })
    }

    @Test func reorderedPairIsDetected() throws {
        let fixture = try interleaved()
        let tampered = try BundleEdit.with(try fixture.bundle("x")) { bundle in
            var events = BundleEdit.events(bundle)
            events.swapAt(1, 2)
            bundle["events"] = .array(events)
        }
        let report = verify(tampered, fixture)
        #expect(report.problems.contains { $0.contains("out of order") })
        #expect(report.problems.contains { $0.contains("not after position") })
    }

    /// The bundle of `y`, relabelled by `relabel` (its subject's members), checked by a
    /// verifier trusting the fixture's key.
    private func relabelled(
        _ relabel: (inout [String: JSONValue]) -> Void
    ) throws -> BundleVerifier.Report {
        let fixture = try interleaved()
        try fixture.create("y")
        try fixture.append(2, to: "form-y", first: 1)
        let tampered = try BundleEdit.with(try fixture.bundle("y")) { bundle in
            guard case .object(var subject)? = bundle["subject"] else { return }
            relabel(&subject)
            bundle["subject"] = .object(subject)
        }
        return verify(tampered, fixture)
    }

    @Test func bundleOfAnotherBSDRelabelledIsRefused() throws {
        let report = try relabelled { subject in
            subject["formId"] = .string("x")
            subject["readableId"] = .string(AuditFixture.readableId("x"))
            subject["stream"] = .string("form-x")
        }
        let foreign = report.problems.filter {
            $0.contains("envelope belongs to stream form-y, not to the subject's form-x")
        }
        #expect(foreign.count == 3)
        #expect(report.problems.contains { $0.contains("creating event names readable id") })
    }

    @Test func readableIdOfAnotherBSDIsRefused() throws {
        let report = try relabelled { subject in
            subject["readableId"] = .string(AuditFixture.readableId("x"))
        }
        #expect(
            report.problems == [
                "event 0 (position 18): the creating event names readable id TD-26-Y00001,"
                    + " not the subject's TD-26-X00001"
            ])
    }

    @Test func subjectStreamThatIsNotTheFormsIsRefused() throws {
        let report = try relabelled { subject in subject["formId"] = .string("x") }
        #expect(report.problems == ["subject stream is not form-x, the stream of formId"])
    }

    @Test func bundleWithoutSubjectIsRefused() throws {
        let fixture = try interleaved()
        let tampered = try BundleEdit.with(try fixture.bundle("x")) { bundle in
            bundle["subject"] = nil
        }
        let report = verify(tampered, fixture)
        #expect(report.problems == ["subject is missing, so nothing ties the events to a BSD"])
    }

    @Test func bundleCutShortIsRefused() throws {
        let fixture = try interleaved()
        let bytes = try fixture.bundle("x")
        #expect(try BundleEdit.decode(bytes)["subject"]?["streamLength"] == .int(5))
        let tampered = try BundleEdit.with(bytes) { bundle in
            var events = BundleEdit.events(bundle)
            events.removeLast()
            bundle["events"] = .array(events)
        }
        let report = verify(tampered, fixture)
        #expect(
            report.problems == [
                "the bundle holds 4 events but the subject says the stream held 5 at the tree"
                    + " head: events cut from the end"
            ])
    }

    @Test func streamLengthIsTheStreamsEventCountUnderTheBundlesHead() throws {
        let fixture = try interleaved()
        _ = try fixture.heads.signCurrent()
        try fixture.append(2, to: "other")
        let older = try BundleEdit.decode(try fixture.bundle("x"))
        #expect(older["treeHead"]?["size"] == .int(17))
        #expect(older["subject"]?["streamLength"] == .int(5))
        try fixture.append(1, to: "form-x", first: 5)
        let signedNow = try fixture.bundle("x")
        let bundle = try BundleEdit.decode(signedNow)
        #expect(bundle["treeHead"]?["size"] == .int(20))
        #expect(bundle["subject"]?["streamLength"] == .int(6))
        #expect(verify(signedNow, fixture).problems == [])
    }

    @Test func forgedHeadIsDetected() throws {
        let fixture = try interleaved()
        let bytes = try fixture.bundle("x")
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
        let honest = try original.bundle("x", sinceSize: earlier.size)
        #expect(verify(honest, original, earlier: earlier).problems == [])

        // Same key, same first 10 events, then a different history, grown past the original.
        let rewritten = try AuditFixture(keyFile: try original.keyFileText)
        for round in 0..<5 {
            try rewritten.append(2, to: "other-\(round)")
            if round == 0 {
                try rewritten.create("x")
            } else {
                try rewritten.append(1, to: "form-x", first: round == 4 ? 40 : round)
            }
            try rewritten.append(round % 2, to: "other")
        }
        try rewritten.append(3, to: "form-x", first: 5)
        let forged = try rewritten.bundle("x", sinceSize: earlier.size)
        let report = verify(forged, rewritten, earlier: earlier)
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.contains("rewritten") == true)
        let missing = verify(try rewritten.bundle("x"), rewritten, earlier: earlier)
        #expect(missing.problems.contains { $0.contains("no consistency proof") })
    }
}
