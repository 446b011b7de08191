/// Company-level checks against the profiles loaded in the context (reference §4): who may
/// be destination, transporter, trader, broker or eco-organisme; dormant companies; and the
/// date-keyed sub-profile and trading-profile rules.
public struct RegistryRules: Sendable {
    /// The profiles by SIRET or VAT number.
    public var companies: [String: CompanyProfile]
    /// The BSD's creation date, which selects date-keyed rules.
    public var createdAt: Timestamp

    /// Makes the checker.
    public init(companies: [String: CompanyProfile], createdAt: Timestamp) {
        self.companies = companies
        self.createdAt = createdAt
    }

    /// Every registry issue of `content`.
    public func issues(in content: FormContent) -> [ValidationIssue] {
        var collector = IssueCollector()
        checkDestination(content, into: &collector)
        for (index, transporter) in content.transporters.enumerated()
        where !transporter.isExemptedOfReceipt {
            check(
                transporter.company?.orgId, "transporters.\(index).company", [.transporter],
                into: &collector)
        }
        let tradingRule = createdAt >= RuleDates.tradingProfilesRequired
        if let trader = content.trader?.company?.orgId {
            check(trader, "trader.company", tradingRule ? [.trader] : [], into: &collector)
        }
        if let broker = content.broker?.company?.orgId {
            check(broker, "broker.company", tradingRule ? [.broker] : [], into: &collector)
        }
        if let ecoOrganisme = content.ecoOrganisme?.siret {
            check(ecoOrganisme, "ecoOrganisme", [.ecoOrganisme], into: &collector)
        }
        if let emitter = content.emitter.company?.orgId, let profile = companies[emitter] {
            if profile.isDormant { collector.add("emitter.company.siret", .companyDormant) }
            if profile.kinds.contains(.ecoOrganisme) {
                collector.add("emitter.company.siret", .ecoOrganismeAsEmitter)
            }
        }
        return collector.issues
    }

    private func checkDestination(_ content: FormContent, into collector: inout IssueCollector) {
        guard content.emitter.type != .appendix1Producer,
            let orgId = content.recipient.company?.orgId
        else { return }
        let prefix = "recipient.company"
        guard let profile = check(orgId, prefix, [], into: &collector) else { return }
        if profile.kinds.isDisjoint(with: CompanyProfile.destinationKinds) {
            collector.add(path(prefix, "siret"), .missingCompanyProfile)
            return
        }
        guard createdAt >= RuleDates.destinationSubProfilesRequired,
            let code = content.wasteDetails.code
        else { return }
        let fits =
            Nomenclatures.isDangerous(code)
            ? profile.acceptsDangerousWaste : profile.acceptsNonDangerousWaste
        if !fits { collector.add(path(prefix, "siret"), .missingWasteSubProfile) }
    }

    /// Checks that `orgId` is registered, not dormant, and has one of `kinds` (any kind when
    /// empty); returns its profile when registered.
    @discardableResult
    private func check(
        _ orgId: String?, _ prefix: String, _ kinds: Set<CompanyProfile.Kind>,
        into collector: inout IssueCollector
    ) -> CompanyProfile? {
        guard let orgId else { return nil }
        let field = path(prefix, "siret")
        guard let profile = companies[orgId] else {
            collector.add(field, .companyNotRegistered)
            return nil
        }
        if profile.isDormant { collector.add(field, .companyDormant) }
        if !kinds.isEmpty && profile.kinds.isDisjoint(with: kinds) {
            collector.add(field, .missingCompanyProfile)
        }
        return profile
    }
}
