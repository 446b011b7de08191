import Domain
import Inspection
import Testing

@Suite struct TraceabilityReportTests {
    static let day: Int64 = 86_400_000_000
    static let now = Timestamp(year: 2026, month: 12, day: 1).microseconds

    /// A BSD of the producer P to recipient R, 2 t, last changed `daysAgo` days before now.
    static func form(_ id: String, _ status: FormStatus, daysAgo: Int64 = 1) -> FormState {
        var state = FormState(id: id)
        state.exists = true
        state.readableId = "BSD-\(id)"
        state.status = status
        state.content.wasteDetails.code = "16 01 07*"
        state.content.wasteDetails.quantity = .tonnes(2)
        var emitter = FormCompany()
        emitter.siret = "P"
        state.content.emitter.company = emitter
        var recipient = FormCompany()
        recipient.siret = "R"
        state.content.recipient.company = recipient
        state.createdAt = Timestamp(microseconds: now - 60 * day)
        state.updatedAt = Timestamp(microseconds: now - daysAgo * day)
        return state
    }

    static func received(_ state: inout FormState, grams: Int64, daysAgo: Int64 = 1) {
        var reception = Reception()
        reception.receivedAt = Timestamp(microseconds: now - daysAgo * day)
        reception.quantityReceived = Weight(grams: grams)
        state.reception = reception
    }

    static func processed(_ state: inout FormState, _ code: String, daysAgo: Int64 = 1) {
        state.processing = Processing(
            operationDone: code, processedBy: "Rita",
            processedAt: Timestamp(microseconds: now - daysAgo * day))
    }

    static func report(
        _ states: [FormState], linked: [FormState] = [],
        _ configure: (inout TraceabilityOptions) -> Void = { _ in }
    ) -> TraceabilityReport {
        var options = TraceabilityOptions(now: now)
        configure(&options)
        let byId = Dictionary(uniqueKeysWithValues: (states + linked).map { ($0.id, $0) })
        return TraceabilityReport(subjects: states, options: options) { byId[$0] }
    }

    static func flags(_ report: TraceabilityReport) -> Set<String> {
        Set(report.anomalies.map { "\($0.kind.rawValue) \($0.formId)" })
    }

    @Test func aBsdInTransitPastItsDelayIsStuckAndAYoungOneIsNot() {
        var old = Self.form("old", .sent)
        old.transportSignatures = [
            TransportSignature(
                number: 1, takenOverAt: Timestamp(microseconds: Self.now - 5 * Self.day),
                takenOverBy: "T")
        ]
        var young = Self.form("young", .sent, daysAgo: 0)
        young.transportSignatures = [
            TransportSignature(
                number: 1, takenOverAt: Timestamp(microseconds: Self.now - Self.day),
                takenOverBy: "T")
        ]
        let report = Self.report([old, young])
        #expect(Self.flags(report) == ["STUCK old"])
        #expect(report.anomalies.first?.step == .inTransit)
        #expect(report.anomalies.first?.since == Self.now - 5 * Self.day)
        // A longer delay for the step clears it.
        let patient = Self.report([old]) { $0.delays[.inTransit] = 6 * Self.day }
        #expect(patient.anomalies.isEmpty)
    }

    /// `daysAgo` days before the report's instant.
    static func at(_ daysAgo: Int64) -> Timestamp {
        Timestamp(microseconds: now - daysAgo * day)
    }

    @Test func eachWaitingStepIsStuckPastItsDelayFromTheSignatureThatOpenedIt() {
        // Awaiting pickup since the emitter signed (30 days allowed).
        var unpicked = Self.form("unpicked", .signedByProducer, daysAgo: 0)
        unpicked.emission = EmissionSignature(emittedAt: Self.at(31), emittedBy: "P")
        var picking = Self.form("picking", .signedByProducer, daysAgo: 0)
        picking.emission = EmissionSignature(emittedAt: Self.at(29), emittedBy: "P")
        // Awaiting acceptance since the reception (2 days allowed).
        var unaccepted = Self.form("unaccepted", .received, daysAgo: 0)
        Self.received(&unaccepted, grams: 2_000_000, daysAgo: 3)
        var accepting = Self.form("accepting", .received, daysAgo: 0)
        Self.received(&accepting, grams: 2_000_000, daysAgo: 1)
        // Awaiting treatment since the acceptance was signed (30 days allowed).
        var untreated = Self.form("untreated", .accepted, daysAgo: 0)
        Self.received(&untreated, grams: 2_000_000, daysAgo: 40)
        untreated.reception?.signedAt = Self.at(31)
        var treating = Self.form("treating", .accepted, daysAgo: 0)
        Self.received(&treating, grams: 2_000_000, daysAgo: 40)
        treating.reception?.signedAt = Self.at(29)
        let report = Self.report([unpicked, picking, unaccepted, accepting, untreated, treating])
        #expect(Self.flags(report) == ["STUCK unpicked", "STUCK unaccepted", "STUCK untreated"])
        let steps = Dictionary(
            uniqueKeysWithValues: report.anomalies.map { ($0.formId, $0.step) })
        #expect(steps["unpicked"] == .awaitingPickup)
        #expect(steps["unaccepted"] == .awaitingAcceptance)
        #expect(steps["untreated"] == .awaitingTreatment)
        let since = Dictionary(
            uniqueKeysWithValues: report.anomalies.map { ($0.formId, $0.since) })
        #expect(since["unpicked"] == Self.at(31).microseconds)
        #expect(since["unaccepted"] == Self.at(3).microseconds)
        #expect(since["untreated"] == Self.at(31).microseconds)
        // A sealed BSD nobody signed waits since its last change.
        let sealed = Self.form("sealed", .sealed, daysAgo: 31)
        #expect(Self.flags(Self.report([sealed])) == ["STUCK sealed"])
    }

    /// P's 2 t through the temporary storer S: `stored` t received there, `onward` t sent on
    /// (nil: what S accepted), `final` t received at the destination.
    static func temporarilyStored(
        _ id: String, stored: Int64, onward: Int64?, final: Int64
    ) -> FormState {
        var state = form(id, .processed)
        state.content.recipient.isTempStorage = true
        var storage = TemporaryStorage()
        storage.reception.receivedAt = at(10)
        storage.reception.quantityReceived = Weight(grams: stored)
        if let onward {
            var details = state.content.wasteDetails
            details.quantity = Weight(grams: onward)
            storage.wasteDetails = details
        }
        state.temporaryStorage = storage
        received(&state, grams: final, daysAgo: 5)
        processed(&state, "R 1", daysAgo: 4)
        return state
    }

    @Test func theTemporaryStorageLegIsCheckedOnItsOwn() {
        let intact = Self.temporarilyStored(
            "intact", stored: 2_000_000, onward: 1_800_000, final: 1_800_000)
        let lostOnTheWayOut = Self.temporarilyStored(
            "onward", stored: 2_000_000, onward: 1_800_000, final: 1_200_000)
        let lostOnTheWayIn = Self.temporarilyStored(
            "first", stored: 1_600_000, onward: nil, final: 1_600_000)
        let report = Self.report([intact, lostOnTheWayOut, lostOnTheWayIn])
        #expect(Self.flags(report) == ["QUANTITY_MISMATCH onward", "QUANTITY_MISMATCH first"])
        let legs = Dictionary(
            uniqueKeysWithValues: report.anomalies.map {
                ($0.formId, [$0.emitted?.grams, $0.received?.grams])
            })
        // The onward leg compares what S sent on with the final reception, not the
        // emitter's 2 t; the first leg compares the emitter's 2 t with S's reception.
        #expect(legs["onward"] == [1_800_000, 1_200_000])
        #expect(legs["first"] == [2_000_000, 1_600_000])
    }

    @Test func aReceivedQuantityBeyondTheToleranceIsAMismatch() {
        var off = Self.form("off", .processed)
        Self.received(&off, grams: 2_200_000)
        Self.processed(&off, "R 1")
        var close = Self.form("close", .processed)
        Self.received(&close, grams: 2_050_000)
        Self.processed(&close, "R 1")
        let report = Self.report([off, close])
        #expect(Self.flags(report) == ["QUANTITY_MISMATCH off"])
        #expect(report.anomalies.first?.received == Weight(grams: 2_200_000))
        #expect(Self.report([off]) { $0.quantityTolerance = 0.2 }.anomalies.isEmpty)
    }

    @Test func aTreatmentWithoutAnyReceptionIsFlagged() {
        var skipped = Self.form("skipped", .processed)
        Self.processed(&skipped, "D 10")
        #expect(Self.flags(Self.report([skipped])) == ["TREATMENT_WITHOUT_RECEPTION skipped"])
    }

    @Test func theFinalTreatmentIsFoundThroughTheRegroupement() {
        var initial = Self.form("initial", .processed, daysAgo: 10)
        Self.received(&initial, grams: 2_000_000, daysAgo: 20)
        Self.processed(&initial, "R 13", daysAgo: 19)
        initial.groupedIn = [GroupingFraction(formId: "group", quantity: .tonnes(2))]
        var group = Self.form("group", .processed)
        group.content.emitter.type = .appendix2
        group.content.grouping = [GroupingFraction(formId: "initial", quantity: .tonnes(2))]
        Self.received(&group, grams: 2_000_000)
        Self.processed(&group, "R 1")
        let report = Self.report([initial, group])
        #expect(report.anomalies.isEmpty)
        #expect(report.outcomes.map(\.formId) == ["initial"])
        let outcome = report.outcomes[0]
        #expect(outcome.isClosed)
        #expect(outcome.finals.map(\.operationCode) == ["R 1"])
        #expect(outcome.finals.map(\.path) == [["BSD-initial", "BSD-group"]])
        #expect(outcome.finals.first?.destinationOrgId == "R")
    }

    @Test func theReportNamesTheCompanyThatTreatedTheWasteDownTheChain() {
        // P's BSD goes to R for grouping; R's regroupement is treated at F, a company the
        // initial BSD does not name: the report shows F, so it names it.
        var initial = Self.form("initial", .processed, daysAgo: 10)
        Self.received(&initial, grams: 2_000_000, daysAgo: 20)
        Self.processed(&initial, "R 13", daysAgo: 19)
        initial.groupedIn = [GroupingFraction(formId: "group", quantity: .tonnes(2))]
        var group = Self.form("group", .processed)
        group.content.emitter.type = .appendix2
        group.content.emitter.company?.siret = "R"
        group.content.recipient.company?.siret = "F"
        group.content.grouping = [GroupingFraction(formId: "initial", quantity: .tonnes(2))]
        Self.received(&group, grams: 2_000_000)
        Self.processed(&group, "R 1")
        let report = Self.report([initial], linked: [group])
        #expect(report.outcomes.first?.finals.map(\.destinationOrgId) == ["F"])
        #expect(report.namedOrgIds == ["F"])
        // A chain still open names no treating company.
        initial.groupedIn = []
        initial.status = .awaitingGroup
        #expect(Self.report([initial]).namedOrgIds.isEmpty)
    }

    @Test func anAnnexe2ChainOpenPastTheDelayIsFlaggedAndAYoungOneIsNot() {
        var waiting = Self.form("waiting", .awaitingGroup)
        Self.received(&waiting, grams: 2_000_000, daysAgo: 400)
        Self.processed(&waiting, "R 13", daysAgo: 400)
        var fresh = Self.form("fresh", .awaitingGroup)
        Self.received(&fresh, grams: 2_000_000, daysAgo: 10)
        Self.processed(&fresh, "R 13", daysAgo: 10)
        var groupedButOpen = Self.form("grouped", .grouped, daysAgo: 400)
        Self.received(&groupedButOpen, grams: 2_000_000, daysAgo: 400)
        Self.processed(&groupedButOpen, "R 13", daysAgo: 400)
        groupedButOpen.groupedIn = [GroupingFraction(formId: "group", quantity: .tonnes(2))]
        var group = Self.form("group", .sent, daysAgo: 380)
        group.content.emitter.type = .appendix2
        group.transportSignatures = [
            TransportSignature(
                number: 1, takenOverAt: Timestamp(microseconds: Self.now - 380 * Self.day),
                takenOverBy: "T")
        ]
        let report = Self.report([waiting, fresh, groupedButOpen], linked: [group])
        #expect(Self.flags(report) == ["OPEN_CHAIN waiting", "OPEN_CHAIN grouped"])
        let open = report.anomalies.first { $0.formId == "grouped" }
        #expect(open?.openAt == ["BSD-group"])
    }

    @Test func draftsDeletedAndFinishedBsdsAreNotFlagged() {
        let draft = Self.form("draft", .draft, daysAgo: 300)
        var deleted = Self.form("deleted", .sent, daysAgo: 300)
        deleted.isDeleted = true
        var done = Self.form("done", .processed, daysAgo: 300)
        Self.received(&done, grams: 2_000_000, daysAgo: 300)
        Self.processed(&done, "D 10", daysAgo: 300)
        let report = Self.report([draft, deleted, done])
        #expect(report.anomalies.isEmpty)
        #expect(report.outcomes.map(\.formId) == ["done"])
    }
}
