import Domain
import Testing

/// Company-level checks against loaded profiles, with their date-keyed rules.
@Suite struct RegistryRuleTests {
    static func destination() -> CompanyProfile {
        var profile = CompanyProfile(kinds: [.wasteProcessor])
        profile.acceptsDangerousWaste = true
        return profile
    }

    static let directory: [String: CompanyProfile] = [
        Fixtures.emitterSiret: CompanyProfile(kinds: [.producer]),
        Fixtures.recipientSiret: destination(),
        Fixtures.transporterSiret: CompanyProfile(kinds: [.transporter]),
        Fixtures.traderSiret: CompanyProfile(kinds: [.producer]),
    ]

    func check(
        _ content: FormContent, _ directory: [String: CompanyProfile] = directory,
        createdAt: Timestamp = Fixtures.createdAt
    ) -> [ValidationIssue] {
        RegistryRules(companies: directory, createdAt: createdAt).issues(in: content)
    }

    @Test func registeredCompaniesWithTheirProfilesPass() {
        #expect(check(Fixtures.content()) == [])
    }

    @Test func unregisteredDestinationAndTransporterAreRefused() {
        let found = check(Fixtures.content(), [Fixtures.emitterSiret: CompanyProfile(kinds: [])])
        #expect(
            Set(found) == [
                issue("recipient.company.siret", .companyNotRegistered),
                issue("transporters.0.company.siret", .companyNotRegistered),
            ])
    }

    @Test func exemptedTransporterNeedsNoRegistration() {
        var directory = Self.directory
        directory[Fixtures.transporterSiret] = nil
        #expect(check(content { $0.transporters[0].isExemptedOfReceipt = true }, directory) == [])
    }

    @Test func destinationNeedsATreatmentProfile() {
        var directory = Self.directory
        directory[Fixtures.recipientSiret] = CompanyProfile(kinds: [.producer])
        #expect(
            check(Fixtures.content(), directory) == [
                issue("recipient.company.siret", .missingCompanyProfile)
            ])
    }

    @Test func destinationSubProfileIsRequiredFromNovemberNineteenth2024() {
        var directory = Self.directory
        directory[Fixtures.recipientSiret] = CompanyProfile(kinds: [.collector])
        let before = Timestamp(year: 2024, month: 11, day: 18)
        #expect(check(Fixtures.content(), directory, createdAt: before) == [])
        #expect(
            check(Fixtures.content(), directory) == [
                issue("recipient.company.siret", .missingWasteSubProfile)
            ])
    }

    @Test func traderProfileIsRequiredFromFebruaryTwelfth2025() {
        var trader = TradingParty()
        trader.company = Fixtures.company(Fixtures.traderSiret, "Négoce")
        let withTrader = content { $0.trader = trader }
        #expect(check(withTrader, createdAt: Timestamp(year: 2025, month: 2, day: 11)) == [])
        #expect(check(withTrader) == [issue("trader.company.siret", .missingCompanyProfile)])
    }

    @Test func dormantCompaniesAreRefusedEverywhere() {
        var directory = Self.directory
        directory[Fixtures.emitterSiret]?.isDormant = true
        directory[Fixtures.transporterSiret]?.isDormant = true
        #expect(
            Set(check(Fixtures.content(), directory)) == [
                issue("emitter.company.siret", .companyDormant),
                issue("transporters.0.company.siret", .companyDormant),
            ])
    }

    @Test func ecoOrganismeCannotBeTheEmitter() {
        var directory = Self.directory
        directory[Fixtures.emitterSiret] = CompanyProfile(kinds: [.ecoOrganisme])
        #expect(
            check(Fixtures.content(), directory) == [
                issue("emitter.company.siret", .ecoOrganismeAsEmitter)
            ])
    }

    @Test func sealingRunsRegistryChecksWhenProfilesAreLoaded() throws {
        var world = TestWorld()
        let id = try world.create()
        let context = DecisionContext(
            now: Fixtures.createdAt, actor: Fixtures.emitterActor, relatedForms: world.forms,
            companies: [:])
        do {
            _ = try FormDecider.decide(.seal, state: world.forms[id]!, context: context)
            Issue.record("sealing with unregistered companies must fail")
        } catch {
            #expect(error.issues.contains(issue("recipient.company.siret", .companyNotRegistered)))
        }
        let loaded = DecisionContext(
            now: Fixtures.createdAt, actor: Fixtures.emitterActor, companies: Self.directory)
        let events = try FormDecider.decide(.seal, state: world.forms[id]!, context: loaded)
        #expect(events.map(\.type) == ["FormSealed"])
    }
}
