/// Checks the data of the signature steps after sealing: emission, reception, acceptance
/// and treatment (reference §1.4 refusal rules and §2.3).
public enum StepValidator {
    /// Emission needs the sealed content plus at least one packaging (except for an
    /// annexe-1 item or direct supply) and a quantity above zero.
    public static func emissionIssues(
        _ content: FormContent, createdAt: Timestamp
    )
        -> [ValidationIssue]
    {
        var collector = IssueCollector()
        collector.merge(FormValidator(createdAt: createdAt, level: .sealed).issues(in: content))
        let exempt = content.emitter.type == .appendix1Producer || content.isDirectSupply
        if !exempt && content.wasteDetails.packagings.isEmpty {
            collector.add("wasteDetails.packagings", .required)
        }
        return collector.issues
    }

    /// Reception needs who and when; a decision taken at once needs acceptance data too.
    public static func receptionIssues(
        _ reception: Reception, content: FormContent, prefix: String
    ) -> [ValidationIssue] {
        var collector = IssueCollector()
        collector.require(reception.receivedBy, path(prefix, "receivedBy"))
        collector.require(reception.receivedAt, path(prefix, "receivedAt"))
        if reception.acceptationStatus != nil {
            collector.merge(acceptanceIssues(reception, content: content, prefix: prefix))
        }
        return collector.issues
    }

    /// Acceptance needs who, when, the decision and both quantities, with the refusal
    /// arithmetic and the refusal reason iff (partly) refused.
    public static func acceptanceIssues(
        _ reception: Reception, content: FormContent, prefix: String
    ) -> [ValidationIssue] {
        var collector = IssueCollector()
        collector.require(reception.signedBy, path(prefix, "signedBy"))
        collector.require(reception.signedAt, path(prefix, "signedAt"))
        collector.require(reception.acceptationStatus, path(prefix, "acceptationStatus"))
        collector.require(reception.quantityReceived, path(prefix, "quantityReceived"))
        FormValidator.checkWeight(
            reception.quantityReceived, path(prefix, "quantityReceived"),
            required: false, byRoad: false, into: &collector)
        if reception.acceptationStatus == .partiallyRefused && content.emitter.type == .appendix1 {
            collector.add(path(prefix, "acceptationStatus"), .partialRefusalForbidden)
        }
        checkRefusal(reception, prefix: prefix, into: &collector)
        checkEmptyReturn(reception, content: content, prefix: prefix, into: &collector)
        return collector.issues
    }

    /// Tank washing is recorded only for tanks on fully accepted waste, with a reason when
    /// not washed; the empty-return mention only for accepted dangerous waste in a tank or
    /// skip whose last transport was by road.
    private static func checkEmptyReturn(
        _ reception: Reception, content: FormContent, prefix: String,
        into collector: inout IssueCollector
    ) {
        let accepted = reception.acceptationStatus == .accepted
        let types = Set(content.wasteDetails.packagings.map(\.type))
        if let washed = reception.hasCiterneBeenWashedOut {
            if !(accepted && types.contains(.citerne)) {
                collector.add(path(prefix, "hasCiterneBeenWashedOut"), .tankWashingNotApplicable)
            } else if !washed && reception.citerneNotWashedOutReason == nil {
                collector.add(path(prefix, "citerneNotWashedOutReason"), .required)
            }
        }
        guard reception.emptyReturnADR != nil else { return }
        let dangerous = content.wasteDetails.code.map(Nomenclatures.isDangerous) ?? false
        let lastMode = content.transporters.last?.mode
        let bulk = !types.isDisjoint(with: [.citerne, .benne])
        if !(accepted && dangerous && bulk && (lastMode == nil || lastMode == .road)) {
            collector.add(path(prefix, "emptyReturnADR"), .emptyReturnNotApplicable)
        }
    }

    private static func checkRefusal(
        _ reception: Reception, prefix: String, into collector: inout IssueCollector
    ) {
        guard let status = reception.acceptationStatus else { return }
        let received = reception.quantityReceived ?? .zero
        let refused = reception.quantityRefused ?? .zero
        let refusedPath = path(prefix, "quantityRefused")
        switch status {
        case .accepted:
            if refused != .zero { collector.add(refusedPath, .acceptedWithRefusedQuantity) }
        case .refused:
            if reception.quantityRefused == nil {
                collector.add(refusedPath, .required)
            } else if refused != received || received == .zero {
                collector.add(refusedPath, .refusalQuantityMismatch)
            }
        case .partiallyRefused:
            if !(refused > .zero && refused < received) {
                collector.add(refusedPath, .partialRefusalOutOfRange)
            }
        }
        let hasReason = reception.refusalReason?.contains { !$0.isWhitespace } == true
        if status == .accepted && hasReason {
            collector.add(path(prefix, "refusalReason"), .mustBeEmpty)
        } else if status != .accepted && !hasReason {
            collector.add(path(prefix, "refusalReason"), .required)
        }
    }

    /// Treatment: a listed code; a mode iff the code has modes, and one of them; a next
    /// destination iff a grouping code (unless traceability is broken); no break with a
    /// final code.
    public static func processingIssues(_ processing: Processing) -> [ValidationIssue] {
        var collector = IssueCollector()
        collector.require(processing.processedBy, "processing.processedBy")
        guard let operation = Nomenclatures.operation(processing.operationDone) else {
            collector.add("processing.operationDone", .unknownOperation)
            return collector.issues
        }
        switch (operation.allowedModes.isEmpty, processing.operationMode) {
        case (false, nil): collector.add("processing.operationMode", .modeRequired)
        case (true, _?): collector.add("processing.operationMode", .modeForbidden)
        case (false, let mode?) where !operation.allowedModes.contains(mode):
            collector.add("processing.operationMode", .modeNotAllowed)
        default: break
        }
        if operation.isGrouping {
            if processing.nextDestination == nil && !processing.noTraceability {
                collector.add("processing.nextDestination", .nextDestinationRequired)
            }
        } else {
            if processing.nextDestination != nil {
                collector.add("processing.nextDestination", .nextDestinationForbidden)
            }
            if processing.noTraceability {
                collector.add("processing.noTraceability", .noTraceabilityForbidden)
            }
        }
        if let next = processing.nextDestination {
            checkNextDestination(next, into: &collector)
        }
        return collector.issues
    }

    private static func checkNextDestination(
        _ next: NextDestination, into collector: inout IssueCollector
    ) {
        let validator = FormValidator(createdAt: Timestamp(microseconds: 0), level: .sealed)
        validator.checkOperation(
            next.processingOperation,
            "processing.nextDestination.processingOperation", required: true, into: &collector)
        let company = next.company ?? FormCompany()
        validator.checkCompanyFormats(
            company, "processing.nextDestination.company",
            into: &collector)
        if company.siret == nil && company.vatNumber == nil && company.extraEuropeanId == nil {
            collector.add("processing.nextDestination.company.siret", .required)
        }
        collector.require(company.name, "processing.nextDestination.company.name")
    }
}
