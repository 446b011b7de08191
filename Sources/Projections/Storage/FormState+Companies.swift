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
        // Only the ids are read out of the blocks: a whole company copied per role would
        // cost more than the rest (this runs for every status change of a rebuild).
        func add(_ orgId: String?, _ role: FormRole) {
            if let orgId, !orgId.isEmpty { body(orgId, role) }
        }
        add(content.emitter.company?.orgId, .emitter)
        add(content.recipient.company?.orgId, .recipient)
        for index in content.transporters.indices {
            add(content.transporters[index].company?.orgId, .transporter)
        }
        add(content.trader?.company?.orgId, .trader)
        add(content.broker?.company?.orgId, .broker)
        add(content.ecoOrganisme?.siret, .ecoOrganisme)
        for index in content.intermediaries.indices {
            add(content.intermediaries[index].orgId, .intermediary)
        }
        add(content.temporaryStorageDestination?.company?.orgId, .recipient)
        add(temporaryStorage?.destination?.company?.orgId, .recipient)
        add(temporaryStorage?.transporter?.company?.orgId, .transporter)
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
