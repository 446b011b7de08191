import Domain
import Testing

@Suite struct IdentifierRuleTests {
    @Test(arguments: ["12345678000014", "98765432100015", "35600000000048", "11111111192062"])
    func validSiretsAreAccepted(_ siret: String) {
        #expect(SIRET.isValid(siret))
    }

    @Test(arguments: [
        "12345678000015",  // Luhn fails
        "1234567800001",  // 13 digits
        "123456780000140",  // 15 digits
        "1234567800001A",  // a letter
        "00000000000000",  // all zeros (Luhn-valid but refused)
        "35600000000113",  // La Poste: Luhn-valid, digit sum not a multiple of 5
    ])
    func invalidSiretsAreRefused(_ siret: String) {
        #expect(!SIRET.isValid(siret))
    }

    @Test func laPosteEstablishmentsUseTheDigitSumRule() {
        // Luhn-invalid, digit sum 15: accepted only thanks to La Poste's rule.
        #expect(SIRET.isValid("35600000000100"))
        #expect(!SIRET.isValid("35600000000101"))
    }

    @Test(arguments: [
        "FR11123456782", "fr 11 123 456 782", "DE123456789", "BE0123456789", "ATU12345678",
        "NL123456789B01", "ESX1234567X", "CHE123456789", "GB123456789", "IT12345678901",
    ])
    func wellFormedVatNumbersAreAccepted(_ vat: String) {
        #expect(VATNumber.isValid(vat))
    }

    @Test(arguments: ["FR12123456782", "DE12345678", "XX123456789", "NL123456789X01", "FR", ""])
    func malformedVatNumbersAreRefused(_ vat: String) {
        #expect(!VATNumber.isValid(vat))
    }

    @Test func foreignVatIsAValidNonFrenchOne() {
        #expect(VATNumber.isForeign("DE123456789"))
        #expect(!VATNumber.isForeign("FR11123456782"))
        #expect(!VATNumber.isForeign("DE1"))
    }

    @Test func wasteListIsCompiledIn() {
        #expect(Nomenclatures.wasteCodeCount == 842)
        #expect(Nomenclatures.isBSDDWasteCode("16 01 07*"))
        #expect(!Nomenclatures.isBSDDWasteCode("160107*"), "exact spaced format only")
        #expect(!Nomenclatures.isBSDDWasteCode("17 06 05*"), "reserved to asbestos BSDs")
        #expect(Nomenclatures.isDangerous("16 01 07*"))
        #expect(!Nomenclatures.isDangerous("20 01 01"))
    }

    @Test func operationsResolveSpacedOrNot() throws {
        #expect(Nomenclatures.operations.count == 27)
        let d9f = try #require(Nomenclatures.operation("D9F"))
        #expect(d9f.code == "D 9 F")
        #expect(d9f.isFinal)
        #expect(Nomenclatures.operation("D 9")?.isGrouping == true)
        #expect(Nomenclatures.operation("D 6") == nil)
        #expect(Nomenclatures.operation("R 2")?.allowedModes == [.reutilisation, .recyclage])
    }
}
