import Domain
import Testing

/// Rules of the draft and sealed levels on companies, codes and required fields.
@Suite struct ContentRuleTests {
    @Test func completeContentHasNoIssue() {
        #expect(issues(Fixtures.content()) == [])
    }

    @Test func emptyDraftHasNoIssue() {
        #expect(issues(FormContent(), .draft) == [])
    }

    @Test func sealingEmptyContentReportsEveryMissingFieldAtOnce() {
        let found = Set(issues(FormContent()))
        let expected: Set<ValidationIssue> = [
            issue("emitter.type", .required), issue("emitter.company.name", .required),
            issue("emitter.company.siret", .required), issue("emitter.company.mail", .required),
            issue("recipient.company.siret", .required),
            issue("recipient.processingOperation", .required),
            issue("wasteDetails.code", .required), issue("wasteDetails.name", .required),
            issue("wasteDetails.consistences", .required),
            issue("wasteDetails.quantity", .required),
            issue("wasteDetails.quantityType", .required), issue("wasteDetails.pop", .required),
            issue("wasteDetails.isSubjectToADR", .adrFlagRequired),
        ]
        #expect(expected.isSubset(of: found), "missing: \(expected.subtracting(found))")
    }

    @Test func invalidSiretIsReportedEvenInDraft() {
        let found = issues(content { $0.emitter.company?.siret = "12345678000015" }, .draft)
        #expect(found == [issue("emitter.company.siret", .invalidSiret)])
    }

    @Test func invalidVatIsReported() {
        let found = issues(content { $0.transporters[0].company?.vatNumber = "DE12" }, .draft)
        #expect(found == [issue("transporters.0.company.vatNumber", .invalidVat)])
    }

    @Test func foreignCompanyMaySealWithVatInsteadOfSiret() {
        let found = issues(
            content {
                $0.recipient.company?.siret = nil
                $0.recipient.company?.vatNumber = "BE0123456789"
            })
        #expect(found == [])
    }

    @Test func invalidMailAndOverlongTextAreReported() {
        let found = issues(
            content {
                $0.emitter.company?.mail = "not a mail"
                $0.recipient.company?.name = String(repeating: "x", count: 251)
                $0.recipient.company?.phone = String(repeating: "1", count: 21)
            }, .draft)
        #expect(
            Set(found) == [
                issue("emitter.company.mail", .invalidMail),
                issue("recipient.company.name", .tooLong),
                issue("recipient.company.phone", .tooLong),
            ])
    }

    @Test(arguments: [
        ("jo@example.fr", true), ("jo.dupont@sub.example.fr", true), ("é@exemple.fr", true),
        ("", false), ("@example.fr", false), ("jo@", false), ("jo@example", false),
        ("jo@.example.fr", false), ("jo@example.fr.", false), ("jo@a@example.fr", false),
        ("jo @example.fr", false), ("jo@exa\tmple.fr", false), ("jo\u{00A0}x@example.fr", false),
    ])
    func mailShapeIsChecked(mail: String, accepted: Bool) {
        let found = issues(content { $0.emitter.company?.mail = mail }, .draft)
        #expect(found.contains(issue("emitter.company.mail", .invalidMail)) == !accepted)
    }

    @Test func accentedTextIsBoundedInCharactersNotBytes() {
        let found = issues(
            content { $0.recipient.company?.name = String(repeating: "é", count: 250) }, .draft)
        #expect(found == [])
    }

    @Test func customIdIsBoundedInBytesSinceItIsASearchKey() {
        let longest = String(repeating: "é", count: FormValidator.customIdBytes / 2)
        #expect(issues(content { $0.customId = longest }, .draft) == [])
        let found = issues(content { $0.customId = longest + "x" }, .draft)
        #expect(found == [issue("customId", .tooLong)])
        let huge = issues(content { $0.customId = String(repeating: "c", count: 4_000) }, .draft)
        #expect(huge == [issue("customId", .tooLong)])
    }

    @Test func workSiteTextIsBounded() {
        var site = WorkSite()
        site.city = String(repeating: "c", count: 251)
        site.infos = String(repeating: "i", count: 501)
        let found = issues(content { $0.emitter.workSite = site }, .draft)
        #expect(
            Set(found) == [
                issue("emitter.workSite.city", .tooLong), issue("emitter.workSite.infos", .tooLong),
            ])
    }

    @Test func privateIndividualNeedsNoSiretNorContact() {
        let found = issues(
            content {
                $0.emitter.isPrivateIndividual = true
                $0.emitter.company = FormCompany(
                    siret: nil, name: "Jean Dupont", address: "2 rue B")
            })
        #expect(found == [])
    }

    @Test func foreignShipNeedsAValidOmiNumber() {
        let missing = issues(
            content {
                $0.emitter.isForeignShip = true
                $0.emitter.company = FormCompany()
            })
        #expect(missing == [issue("emitter.company.omiNumber", .required)])
        let malformed = issues(
            content {
                $0.emitter.isForeignShip = true
                $0.emitter.company = FormCompany()
                $0.emitter.company?.omiNumber = "OMI12345"
            })
        #expect(malformed == [issue("emitter.company.omiNumber", .invalidOmiNumber)])
    }

    @Test func wasteCodeMustBeInTheExactSpacedFormat() {
        let found = issues(content { $0.wasteDetails.code = "160107*" }, .draft)
        #expect(found == [issue("wasteDetails.code", .unknownWasteCode)])
    }

    @Test func wasteCodeReservedToAnotherBsdTypeIsRefused() {
        let found = issues(content { $0.wasteDetails.code = "17 06 05*" }, .draft)
        #expect(found == [issue("wasteDetails.code", .wasteCodeNotForBSDD)])
    }

    @Test func starredCodeForcesDangerous() {
        let found = issues(content { $0.wasteDetails.isDangerous = false }, .draft)
        #expect(found == [issue("wasteDetails.isDangerous", .dangerousCodeNotFlagged)])
    }

    @Test func annexOneAcceptsOnlyItsCodes() {
        let found = issues(
            content {
                $0.emitter.type = .appendix1Producer
                $0.wasteDetails.code = "16 01 07*"
            }, .draft)
        #expect(found == [issue("wasteDetails.code", .wasteCodeNotForAppendix1)])
        let allowed = issues(
            content {
                $0.emitter.type = .appendix1Producer
                $0.wasteDetails.code = "20 01 21*"
            }, .draft)
        #expect(allowed == [])
    }

    @Test func plannedOperationMustBeListedAndIsOptionalForTempStorage() {
        #expect(
            issues(content { $0.recipient.processingOperation = "D 6" }) == [
                issue("recipient.processingOperation", .unknownOperation)
            ])
        #expect(
            issues(
                content {
                    $0.recipient.processingOperation = nil
                    $0.recipient.isTempStorage = true
                }) == [])
    }

    @Test func capIsRequiredForDangerousWasteExceptOnAnnexOneContainer() {
        #expect(issues(content { $0.recipient.cap = nil }) == [issue("recipient.cap", .required)])
        let container = content {
            $0.recipient.cap = nil
            $0.emitter.type = .appendix1
            $0.wasteDetails.code = "13 02 05*"
        }
        #expect(issues(container) == [])
        #expect(
            issues(
                content {
                    $0.recipient.cap = nil
                    $0.wasteDetails.code = "20 01 01"
                    $0.wasteDetails.isSubjectToADR = false
                    $0.wasteDetails.onuCode = nil
                }) == [])
    }

    @Test func consistenceIsRequiredWhenSealing() {
        #expect(
            issues(content { $0.wasteDetails.consistences = [] }) == [
                issue("wasteDetails.consistences", .required)
            ])
    }

    @Test func transportersAndIntermediariesAreLimitedToFive() {
        let found = issues(
            content {
                $0.transporters = Array(
                    repeating: Fixtures.transporter(Fixtures.transporterSiret), count: 6)
                $0.intermediaries = Array(
                    repeating: Fixtures.company(Fixtures.traderSiret, "I"), count: 6)
            }, .draft)
        #expect(found.contains(issue("transporters", .tooManyTransporters)))
        #expect(found.contains(issue("intermediaries", .tooManyIntermediaries)))
        #expect(found.contains(issue("intermediaries.1.siret", .duplicateIntermediary)))
    }

    @Test func traderWithSiretNeedsItsReceiptWhenSealing() {
        let found = issues(
            content {
                var trader = TradingParty()
                trader.company = Fixtures.company(Fixtures.traderSiret, "Négoce")
                $0.trader = trader
            })
        #expect(
            Set(found) == [
                issue("trader.receipt", .required), issue("trader.department", .required),
                issue("trader.validityLimit", .required),
            ])
    }

    @Test func ecoOrganismeSiretMustBeValid() {
        let found = issues(
            content { $0.ecoOrganisme = EcoOrganisme(name: "Eco", siret: "1") }, .draft)
        #expect(found == [issue("ecoOrganisme.siret", .invalidSiret)])
    }

    @Test func reuseIsPlannedOnlyOnRegroupements() {
        #expect(
            issues(content { $0.recipient.processingOperation = "R 0" }) == [
                issue("recipient.processingOperation", .unknownOperation)
            ])
        let regroupement = content {
            $0.emitter.type = .appendix2
            $0.recipient.processingOperation = "R 0"
        }
        #expect(issues(regroupement, .draft) == [])
    }
}
