import Domain
import Testing

/// Packaging, quantity, ADR and plate rules.
@Suite struct WasteRuleTests {
    func packagings(_ list: [Packaging]) -> [ValidationIssue] {
        issues(content { $0.wasteDetails.packagings = list }, .draft)
    }

    @Test func pipelinePackagingIsRefused() {
        #expect(
            packagings([Packaging(type: .pipeline, quantity: 1)]).contains(
                issue("wasteDetails.packagings.0.type", .pipelinePackagingRefused)))
    }

    @Test func otherDescriptionGoesWithAutreOnly() {
        #expect(
            packagings([Packaging(type: .autre, quantity: 1)]) == [
                issue("wasteDetails.packagings.0.other", .packagingOtherMismatch)
            ])
        #expect(
            packagings([Packaging(type: .fut, quantity: 1, other: "sac")]) == [
                issue("wasteDetails.packagings.0.other", .packagingOtherMismatch)
            ])
        #expect(packagings([Packaging(type: .autre, quantity: 1, other: "sac")]) == [])
    }

    @Test func packageCountAndVolumeMustBePositive() {
        var packaging = Packaging(type: .grv, quantity: 0)
        packaging.volume = 0
        #expect(
            Set(packagings([packaging])) == [
                issue("wasteDetails.packagings.0.quantity", .packagingQuantityInvalid),
                issue("wasteDetails.packagings.0.volume", .packagingVolumeInvalid),
            ])
    }

    @Test func atMostTwoTanksOrSkips() {
        #expect(
            packagings([Packaging(type: .citerne, quantity: 3)]) == [
                issue("wasteDetails.packagings.0.quantity", .tankOrSkipOverTwo)
            ])
        #expect(packagings([Packaging(type: .benne, quantity: 2)]) == [])
    }

    @Test func tanksAndSkipsAreNeverMixed() {
        let mixed = [Packaging(type: .citerne, quantity: 1), Packaging(type: .fut, quantity: 1)]
        #expect(packagings(mixed) == [issue("wasteDetails.packagings", .packagingMixForbidden)])
        let bulk = [Packaging(type: .citerne, quantity: 1), Packaging(type: .benne, quantity: 1)]
        #expect(packagings(bulk) == [issue("wasteDetails.packagings", .packagingMixForbidden)])
        let ordinary = [Packaging(type: .fut, quantity: 1), Packaging(type: .grv, quantity: 1)]
        #expect(packagings(ordinary) == [])
    }

    @Test func directSupplyHasNoPackagingNorTransporter() {
        let found = issues(content { $0.isDirectSupply = true })
        #expect(
            Set(found) == [
                issue("wasteDetails.packagings", .mustBeEmpty),
                issue("transporters", .transportersForbidden),
            ])
    }

    @Test func quantityMustBePositiveWhenSealing() {
        #expect(
            issues(content { $0.wasteDetails.quantity = .zero }) == [
                issue("wasteDetails.quantity", .quantityNotPositive)
            ])
        #expect(issues(content { $0.wasteDetails.quantity = .zero }, .draft) == [])
    }

    @Test func quantityStaysBelowFiftyThousandTonnes() {
        let found = issues(
            content {
                $0.transporters[0] = Fixtures.transporter(Fixtures.transporterSiret, mode: .rail)
                $0.wasteDetails.quantity = .tonnes(50_000)
            })
        #expect(found == [issue("wasteDetails.quantity", .quantityTooLarge)])
    }

    @Test func roadTransportCarriesAtMostFortyTonnes() {
        #expect(issues(content { $0.wasteDetails.quantity = .tonnes(40) }) == [])
        #expect(
            issues(content { $0.wasteDetails.quantity = Weight(grams: 40_000_001) }) == [
                issue("wasteDetails.quantity", .quantityOverRoadLimit)
            ])
        let byRail = content {
            $0.transporters[0] = Fixtures.transporter(Fixtures.transporterSiret, mode: .rail)
            $0.wasteDetails.quantity = .tonnes(45)
        }
        #expect(issues(byRail) == [])
    }

    @Test func adrFlagIsMandatoryForFormsCreatedFromJuneFourth2025() {
        let withoutFlag = content { $0.wasteDetails.isSubjectToADR = nil }
        #expect(
            issues(withoutFlag, createdAt: Timestamp(year: 2025, month: 6, day: 4)) == [
                issue("wasteDetails.isSubjectToADR", .adrFlagRequired)
            ])
        #expect(issues(withoutFlag, createdAt: Timestamp(year: 2025, month: 6, day: 3)) == [])
    }

    @Test func olderDangerousFormsWithoutFlagNeedAMention() {
        let before = Timestamp(year: 2025, month: 1, day: 1)
        let noMention = content {
            $0.wasteDetails.isSubjectToADR = nil
            $0.wasteDetails.onuCode = nil
        }
        #expect(
            issues(noMention, createdAt: before) == [
                issue("wasteDetails.onuCode", .adrMentionRequired)
            ])
        let notSubject = content {
            $0.wasteDetails.isSubjectToADR = nil
            $0.wasteDetails.onuCode = "non soumis"
        }
        #expect(issues(notSubject, createdAt: before) == [])
    }

    @Test func adrFlagDecidesWhetherTheMentionIsRequiredOrForbidden() {
        #expect(
            issues(content { $0.wasteDetails.onuCode = nil }) == [
                issue("wasteDetails.onuCode", .adrMentionRequired)
            ])
        #expect(
            issues(content { $0.wasteDetails.isSubjectToADR = false }) == [
                issue("wasteDetails.onuCode", .adrMentionForbidden)
            ])
    }

    @Test func platesAreAtMostTwoOfFourToTwelveCharacters() {
        let tooMany = issues(
            content { $0.transporters[0].numberPlates = ["AB-1", "CD-2", "EF-3"] }, .draft)
        #expect(tooMany == [issue("transporters.0.numberPlates", .tooManyPlates)])
        for plate in ["ABC", "ABCDEFGHIJKLM", "      "] {
            let found = issues(content { $0.transporters[0].numberPlates = [plate] }, .draft)
            #expect(found == [issue("transporters.0.numberPlates", .invalidPlate)], "\(plate)")
        }
    }
}
