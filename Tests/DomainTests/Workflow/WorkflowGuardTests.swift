import Domain
import Testing

/// The guards, tried in the reference's order.
@Suite struct WorkflowGuardTests {
    func facts(
        _ acceptation: AcceptationStatus? = nil, code: String? = nil, foreign: Bool = false,
        noTraceability: Bool = false, type: EmitterType? = .producer, directSupply: Bool = false
    ) -> TransitionFacts {
        var facts = TransitionFacts()
        facts.acceptationStatus = acceptation
        facts.operationCode = code
        facts.nextDestinationIsForeign = foreign
        facts.noTraceability = noTraceability
        facts.emitterType = type
        facts.isDirectSupply = directSupply
        return facts
    }

    @Test func directSupplyEmissionGoesStraightToSent() throws {
        let next = try Workflow.next(
            from: .sealed, on: .signEmission, facts: facts(directSupply: true))
        #expect(next == .sent)
    }

    @Test(arguments: [
        (AcceptationStatus?.none, FormStatus.received), (.refused, .refused),
        (.accepted, .accepted),
        (.partiallyRefused, .accepted),
    ])
    func receptionSplitsOnTheAcceptanceDecision(
        _ acceptation: AcceptationStatus?, _ expected: FormStatus
    )
        throws
    {
        #expect(
            try Workflow.next(from: .sent, on: .markReceived, facts: facts(acceptation)) == expected
        )
        #expect(
            try Workflow.next(from: .resent, on: .markReceived, facts: facts(acceptation))
                == expected)
    }

    @Test(arguments: [
        (AcceptationStatus?.none, FormStatus.tempStored), (.refused, .refused),
        (.accepted, .tempStorerAccepted), (.partiallyRefused, .tempStorerAccepted),
    ])
    func tempStorageSplitsOnTheAcceptanceDecision(
        _ acceptation: AcceptationStatus?, _ expected: FormStatus
    ) throws {
        #expect(
            try Workflow.next(from: .sent, on: .markTempStored, facts: facts(acceptation))
                == expected)
    }

    @Test func acceptanceRefusedOrAccepted() throws {
        #expect(
            try Workflow.next(from: .received, on: .markAccepted, facts: facts(.refused))
                == .refused)
        #expect(
            try Workflow.next(from: .received, on: .markAccepted, facts: facts(.partiallyRefused))
                == .accepted)
        #expect(
            try Workflow.next(
                from: .tempStored, on: .markTempStorerAccepted, facts: facts(.refused))
                == .refused)
    }

    @Test func processingSplitTriesNoTraceabilityThenPnttdThenAwaitingGroup() throws {
        for from in [FormStatus.accepted, .tempStorerAccepted] {
            let split = { (f: TransitionFacts) throws -> FormStatus in
                try Workflow.next(from: from, on: .markProcessed, facts: f)
            }
            #expect(
                try split(facts(code: "R 13", foreign: true, noTraceability: true))
                    == .noTraceability)
            #expect(try split(facts(code: "R 13", foreign: true)) == .followedWithPnttd)
            #expect(try split(facts(code: "D 15")) == .awaitingGroup)
            #expect(try split(facts(code: "R 1")) == .processed)
            #expect(try split(facts(code: "D 9 F")) == .processed)
            #expect(try split(facts(code: "D 9")) == .awaitingGroup)
        }
    }

    @Test func annexOneItemNeverAwaitsGroup() throws {
        let next = try Workflow.next(
            from: .accepted, on: .markProcessed,
            facts: facts(code: "R 13", type: .appendix1Producer))
        #expect(next == .processed)
    }

    @Test func paperImportSplitsThreeWays() throws {
        #expect(
            try Workflow.next(
                from: .sealed, on: .importPaperForm,
                facts: facts(code: "R 13", noTraceability: true))
                == .noTraceability)
        #expect(
            try Workflow.next(from: .sealed, on: .importPaperForm, facts: facts(code: "R 13"))
                == .awaitingGroup)
        #expect(
            try Workflow.next(from: .sealed, on: .importPaperForm, facts: facts(code: "R 1"))
                == .processed)
    }

    @Test func foreignNextDestinationIsDecidedInOrder() {
        var next = NextDestination()
        next.company = FormCompany()
        next.company?.siret = Fixtures.finalSiret
        next.company?.country = "DE"
        #expect(!next.isForeign, "a valid SIRET wins over the country")
        next.company?.vatNumber = "DE123456789"
        #expect(next.isForeign, "a foreign VAT wins over the SIRET")
        next.company?.vatNumber = nil
        next.company?.extraEuropeanId = "US-42"
        #expect(next.isForeign)
        next.company = FormCompany()
        next.company?.country = "BE"
        #expect(next.isForeign)
    }
}
