import Domain
import Testing

/// Rules of the signature steps: transport, emission, refusal arithmetic, treatment.
@Suite struct StepRuleTests {
    func transport(_ change: (inout Transporter) -> Void) -> [ValidationIssue] {
        var transporter = Fixtures.transporter(Fixtures.transporterSiret)
        change(&transporter)
        return FormValidator.transportIssues(
            transporter, prefix: "transporters.0", waste: Fixtures.content().wasteDetails,
            emitterType: .producer)
    }

    @Test func signingTransporterNeedsItsReceiptUnlessExempt() {
        let missing = transport {
            $0.receipt = nil
            $0.department = nil
            $0.validityLimit = nil
        }
        #expect(
            Set(missing) == [
                issue("transporters.0.receipt", .required),
                issue("transporters.0.department", .required),
                issue("transporters.0.validityLimit", .required),
            ])
        #expect(
            transport {
                $0.receipt = nil
                $0.isExemptedOfReceipt = true
            } == [])
        #expect(
            transport {
                $0.receipt = nil
                $0.company?.siret = nil
                $0.company?.vatNumber = "DE123456789"
            } == [], "a foreign transporter needs no French receipt")
        #expect(
            transport {
                $0.receipt = nil
                $0.mode = .sea
                $0.numberPlates = []
            } == [], "only road transport needs a receipt")
    }

    @Test func roadTransportNeedsAModeAndAPlate() {
        #expect(
            transport { $0.numberPlates = [] } == [issue("transporters.0.numberPlates", .required)])
        #expect(transport { $0.mode = nil } == [issue("transporters.0.mode", .required)])
    }

    @Test func emissionNeedsAPackagingUnlessAnnexOneItemOrDirectSupply() {
        let bare = content { $0.wasteDetails.packagings = [] }
        #expect(
            StepValidator.emissionIssues(bare, createdAt: Fixtures.createdAt) == [
                issue("wasteDetails.packagings", .required)
            ])
        var item = bare
        item.emitter.type = .appendix1Producer
        item.wasteDetails.code = "13 02 05*"
        #expect(StepValidator.emissionIssues(item, createdAt: Fixtures.createdAt) == [])
    }

    func acceptance(_ reception: Reception, type: EmitterType = .producer) -> [ValidationIssue] {
        StepValidator.acceptanceIssues(
            reception, content: content { $0.emitter.type = type },
            prefix: "reception")
    }

    @Test func fullRefusalRefusesEverythingReceived() {
        #expect(acceptance(Fixtures.acceptance(.refused, received: 10, refused: 10)) == [])
        #expect(
            acceptance(Fixtures.acceptance(.refused, received: 10, refused: 9)) == [
                issue("reception.quantityRefused", .refusalQuantityMismatch)
            ])
        #expect(
            acceptance(Fixtures.acceptance(.refused, received: 0, refused: 0)) == [
                issue("reception.quantityRefused", .refusalQuantityMismatch)
            ])
    }

    @Test func partialRefusalIsStrictlyBetweenZeroAndReceived() {
        #expect(acceptance(Fixtures.acceptance(.partiallyRefused, received: 10, refused: 4)) == [])
        for refused: Int64 in [0, 10, 11] {
            #expect(
                acceptance(Fixtures.acceptance(.partiallyRefused, received: 10, refused: refused))
                    == [
                        issue("reception.quantityRefused", .partialRefusalOutOfRange)
                    ])
        }
    }

    @Test func acceptedWasteHasNothingRefusedAndNoReason() {
        #expect(
            acceptance(Fixtures.acceptance(.accepted, received: 10, refused: 1)) == [
                issue("reception.quantityRefused", .acceptedWithRefusedQuantity)
            ])
        var reception = Fixtures.acceptance()
        reception.refusalReason = "no"
        #expect(acceptance(reception) == [issue("reception.refusalReason", .mustBeEmpty)])
    }

    @Test func refusalNeedsAReason() {
        var reception = Fixtures.acceptance(.refused, received: 10, refused: 10)
        reception.refusalReason = nil
        #expect(acceptance(reception) == [issue("reception.refusalReason", .required)])
    }

    @Test func annexOneContainerCannotBePartlyRefused() {
        let found = acceptance(
            Fixtures.acceptance(.partiallyRefused, received: 10, refused: 4), type: .appendix1)
        #expect(found == [issue("reception.acceptationStatus", .partialRefusalForbidden)])
    }

    @Test func acceptanceNeedsItsSignatureAndQuantity() {
        let found = acceptance(Reception())
        #expect(
            Set(found) == [
                issue("reception.signedBy", .required), issue("reception.signedAt", .required),
                issue("reception.acceptationStatus", .required),
                issue("reception.quantityReceived", .required),
            ])
    }

    @Test func operationMustBeListed() {
        #expect(
            StepValidator.processingIssues(Fixtures.processing("D 7", mode: nil)) == [
                issue("processing.operationDone", .unknownOperation)
            ])
    }

    @Test func operationModeIsRequiredForbiddenOrRestrictedByTheCode() {
        #expect(
            StepValidator.processingIssues(Fixtures.processing("R 1", mode: nil)) == [
                issue("processing.operationMode", .modeRequired)
            ])
        #expect(
            StepValidator.processingIssues(Fixtures.processing("R 1", mode: .recyclage)) == [
                issue("processing.operationMode", .modeNotAllowed)
            ])
        var grouping = Fixtures.grouping()
        grouping.operationMode = .recyclage
        #expect(
            StepValidator.processingIssues(grouping) == [
                issue("processing.operationMode", .modeForbidden)
            ])
    }

    @Test func nextDestinationGoesWithGroupingCodesOnly() {
        var grouping = Fixtures.grouping()
        grouping.nextDestination = nil
        #expect(
            StepValidator.processingIssues(grouping) == [
                issue("processing.nextDestination", .nextDestinationRequired)
            ])
        grouping.noTraceability = true
        #expect(StepValidator.processingIssues(grouping) == [], "a traceability break needs none")
        var final = Fixtures.processing()
        final.nextDestination = Fixtures.grouping().nextDestination
        final.noTraceability = true
        #expect(
            Set(StepValidator.processingIssues(final)) == [
                issue("processing.nextDestination", .nextDestinationForbidden),
                issue("processing.noTraceability", .noTraceabilityForbidden),
            ])
    }

    @Test func nextDestinationNeedsAnOperationAndAnIdentifiedCompany() {
        var grouping = Fixtures.grouping()
        grouping.nextDestination = NextDestination()
        #expect(
            Set(StepValidator.processingIssues(grouping)) == [
                issue("processing.nextDestination.processingOperation", .required),
                issue("processing.nextDestination.company.siret", .required),
                issue("processing.nextDestination.company.name", .required),
            ])
    }
}
