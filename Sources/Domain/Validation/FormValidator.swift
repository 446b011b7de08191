/// Checks a BSD's content at the draft and sealed levels (reference §2.3 and §4). Format
/// rules apply at every level; the sealed level adds the required fields.
public struct FormValidator: Sendable {
    /// How strict a check is.
    public enum Level: Sendable {
        /// Nothing required; formats still checked.
        case draft
        /// Everything needed to seal.
        case sealed
    }

    /// The BSD's creation date, which selects date-keyed rules.
    public var createdAt: Timestamp
    /// The level.
    public var level: Level

    /// Makes a validator for a BSD created at `createdAt`.
    public init(createdAt: Timestamp, level: Level) {
        self.createdAt = createdAt
        self.level = level
    }

    /// The most UTF-8 bytes a custom id may take.
    public static let customIdBytes = 256

    /// Whether required fields are checked.
    var isSealed: Bool { level == .sealed }

    /// Every issue of `content` at this level.
    public func issues(in content: FormContent) -> [ValidationIssue] {
        var collector = IssueCollector()
        checkEmitter(content.emitter, ecoOrganisme: content.ecoOrganisme, into: &collector)
        checkRecipient(content, into: &collector)
        checkTransporters(content, into: &collector)
        checkWaste(content, into: &collector)
        checkParties(content, into: &collector)
        // The custom id is a key of the per-company search index.
        collector.limitBytes(content.customId, FormValidator.customIdBytes, "customId")
        return collector.issues
    }

    private func checkParties(_ content: FormContent, into collector: inout IssueCollector) {
        for (name, party) in [("trader", content.trader), ("broker", content.broker)] {
            guard let party else { continue }
            let hasSiret = party.company?.siret != nil
            checkCompany(
                party.company, path(name, "company"), required: isSealed && hasSiret,
                into: &collector)
            if isSealed && hasSiret {
                collector.require(party.receipt, path(name, "receipt"))
                collector.require(party.department, path(name, "department"))
                collector.require(party.validityLimit, path(name, "validityLimit"))
            }
        }
        if let siret = content.ecoOrganisme?.siret, !SIRET.isValid(siret) {
            collector.add("ecoOrganisme.siret", .invalidSiret)
        }
        if content.intermediaries.count > 5 {
            collector.add("intermediaries", .tooManyIntermediaries)
        }
        var seen = Set<String>()
        for (index, company) in content.intermediaries.enumerated() {
            let prefix = "intermediaries.\(index)"
            checkCompany(company, prefix, required: isSealed, into: &collector)
            if let siret = company.siret, !seen.insert(siret).inserted {
                collector.add(path(prefix, "siret"), .duplicateIntermediary)
            }
        }
    }

    private func checkRecipient(_ content: FormContent, into collector: inout IssueCollector) {
        let recipient = content.recipient
        let type = content.emitter.type
        let needsRecipient = isSealed && type != .appendix1Producer
        checkCompany(
            recipient.company, "recipient.company", required: needsRecipient,
            into: &collector)
        checkOperation(
            recipient.processingOperation, "recipient.processingOperation",
            required: needsRecipient && !recipient.isTempStorage, into: &collector)
        if let planned = recipient.processingOperation, type != .appendix2,
            Nomenclatures.operation(planned)?.code == "R 0"
        {
            // Re-use is only in the list offered to regroupement BSDs.
            collector.add("recipient.processingOperation", .unknownOperation)
        }
        let isDangerous = content.wasteDetails.code.map(Nomenclatures.isDangerous) ?? false
        if needsRecipient && isDangerous && type != .appendix1 {
            collector.require(recipient.cap, "recipient.cap")
        }
        if let destination = content.temporaryStorageDestination {
            checkCompany(
                destination.company, "temporaryStorageDestination.company",
                required: false, into: &collector)
            checkOperation(
                destination.processingOperation,
                "temporaryStorageDestination.processingOperation", required: false,
                into: &collector)
        }
    }

    /// Checks an operation code against the list.
    func checkOperation(
        _ code: String?, _ fieldPath: String, required: Bool, into collector: inout IssueCollector
    ) {
        guard let code else {
            if required { collector.add(fieldPath, .required) }
            return
        }
        if Nomenclatures.operation(code) == nil { collector.add(fieldPath, .unknownOperation) }
    }
}
