import Domain

extension FormState {
    /// Every company named on the BSD with its roles, by SIRET or VAT number.
    public var rolesByOrgId: [String: Set<FormRole>] {
        var roles: [String: Set<FormRole>] = [:]
        forEachNamedCompany { orgId, role in roles[orgId, default: []].insert(role) }
        return roles
    }

    /// The companies named on the BSD, sorted, each once: the keys of ``rolesByOrgId``
    /// without building its sets.
    var namedOrgIds: [String] {
        var orgIds: [String] = []
        forEachNamedCompany { orgId, _ in orgIds.append(orgId) }
        orgIds.sort()
        var unique: [String] = []
        unique.reserveCapacity(orgIds.count)
        for orgId in orgIds where orgId != unique.last { unique.append(orgId) }
        return unique
    }

    /// Calls `body` with each company named on the BSD (non-empty SIRET or VAT number) and
    /// the role it is named in; a company named twice comes twice.
    private func forEachNamedCompany(_ body: (String, FormRole) -> Void) {
        func add(_ company: FormCompany?, _ role: FormRole) {
            if let orgId = company?.orgId, !orgId.isEmpty { body(orgId, role) }
        }
        add(content.emitter.company, .emitter)
        add(content.recipient.company, .recipient)
        for transporter in content.transporters { add(transporter.company, .transporter) }
        add(content.trader?.company, .trader)
        add(content.broker?.company, .broker)
        if let eco = content.ecoOrganisme?.siret, !eco.isEmpty { body(eco, .ecoOrganisme) }
        for intermediary in content.intermediaries { add(intermediary, .intermediary) }
        add(content.temporaryStorageDestination?.company, .recipient)
        if let storage = temporaryStorage {
            add(storage.destination?.company, .recipient)
            add(storage.transporter?.company, .transporter)
        }
    }

    /// The companies named on the BSD that may read it (reference §5): none once deleted;
    /// for a draft, those named of which its author is a member (``draftReaderOrgIds``; when
    /// not recorded, the company the author acted for); otherwise every company named. The
    /// emitters of the BSDs a regroupement groups may read it too: see
    /// ``readerOrgIds(named:initialEmitters:)``.
    public var readerOrgIds: Set<String> { readerOrgIds(named: rolesByOrgId) }

    /// The readers, given the companies named and the emitters of the initial BSDs this
    /// regroupement groups (which may read it once it is no longer a draft).
    func readerOrgIds(
        named roles: [String: Set<FormRole>], initialEmitters: Set<String> = []
    ) -> Set<String> {
        guard exists, !isDeleted else { return [] }
        let named = Set(roles.keys).union(initialEmitters)
        guard status == .draft else { return named }
        if let readers = draftReaderOrgIds { return named.intersection(readers) }
        guard let author = createdBy.companyOrgId, named.contains(author) else { return [] }
        return [author]
    }

    /// ``readerOrgIds(named:initialEmitters:)`` sorted, from ``namedOrgIds``: what a status
    /// log entry needs, without the roles.
    func sortedReaderOrgIds(initialEmitters: Set<String>) -> [String] {
        guard exists, !isDeleted else { return [] }
        let named = namedOrgIds
        if status == .draft {
            guard let author = createdBy.companyOrgId,
                initialEmitters.contains(author) || named.contains(author)
            else { return [] }
            return [author]
        }
        guard !initialEmitters.isEmpty else { return named }
        return Set(named).union(initialEmitters).sorted()
    }

    /// The companies whose turn it is to act on the BSD.
    public var nextStepOrgIds: Set<String> {
        let recipient = content.recipient.company?.orgId
        let ids: [String?]
        switch status {
        case .draft, .sealed: ids = [content.emitter.company?.orgId, content.ecoOrganisme?.siret]
        case .signedByProducer: ids = [readyTransporterOrgId]
        case .sent: ids = [readyTransporterOrgId, recipient]
        case .received, .accepted, .tempStored, .tempStorerAccepted, .resealed, .awaitingGroup:
            ids = [recipient]
        case .signedByTempStorer: ids = [temporaryStorage?.transporter?.company?.orgId]
        case .resent: ids = [temporaryStorage?.destination?.company?.orgId]
        default: ids = []
        }
        return Set(ids.compactMap { $0 }.filter { !$0.isEmpty })
    }
}
