extension FormValidator {
    /// Checks the transporter list: count, direct supply, plates, company formats.
    func checkTransporters(_ content: FormContent, into collector: inout IssueCollector) {
        if content.transporters.count > 5 { collector.add("transporters", .tooManyTransporters) }
        let hasPipeline = content.wasteDetails.packagings.contains { $0.type == .pipeline }
        if (content.isDirectSupply || hasPipeline) && !content.transporters.isEmpty {
            collector.add("transporters", .transportersForbidden)
        }
        for (index, transporter) in content.transporters.enumerated() {
            let prefix = "transporters.\(index)"
            checkCompanyFormats(
                transporter.company ?? FormCompany(), path(prefix, "company"),
                into: &collector)
            checkPlates(transporter.numberPlates, path(prefix, "numberPlates"), into: &collector)
        }
        checkTransporterIds(content.transporters, into: &collector)
    }

    /// Each transporter id appears once on the BSD, and none is empty.
    func checkTransporterIds(_ transporters: [Transporter], into collector: inout IssueCollector) {
        var seen = Set<String>()
        for (index, transporter) in transporters.enumerated() {
            guard let id = transporter.id else { continue }
            if id.isEmpty { collector.add("transporters.\(index).id", .required) }
            if !seen.insert(id).inserted {
                collector.add("transporters.\(index).id", .duplicateTransporterId)
            }
        }
    }

    /// At most two plates, each 4 to 12 characters and not only spaces.
    func checkPlates(_ plates: [String], _ fieldPath: String, into collector: inout IssueCollector)
    {
        if plates.count > 2 { collector.add(fieldPath, .tooManyPlates) }
        for plate in plates
        where !(4...12).contains(plate.count) || plate.allSatisfy(\.isWhitespace) {
            collector.add(fieldPath, .invalidPlate)
            return
        }
    }

    /// What a transporter needs to sign: identity, contact, receipt unless exempt, mode, a
    /// plate by road; and the waste must have packagings (unless an annexe-1 item) and a
    /// quantity above zero. Paths start with `prefix` (`transporters.1`).
    public static func transportIssues(
        _ transporter: Transporter, prefix: String, waste: WasteDetails, emitterType: EmitterType?
    ) -> [ValidationIssue] {
        var collector = IssueCollector()
        let validator = FormValidator(createdAt: Timestamp(microseconds: 0), level: .sealed)
        validator.checkCompany(
            transporter.company, path(prefix, "company"), required: true,
            into: &collector)
        if !transporter.isReceiptExempt {
            collector.require(transporter.receipt, path(prefix, "receipt"))
            collector.require(transporter.department, path(prefix, "department"))
            collector.require(transporter.validityLimit, path(prefix, "validityLimit"))
        }
        collector.require(transporter.mode, path(prefix, "mode"))
        if transporter.mode == .road && transporter.numberPlates.isEmpty {
            collector.add(path(prefix, "numberPlates"), .required)
        }
        validator.checkPlates(
            transporter.numberPlates, path(prefix, "numberPlates"),
            into: &collector)
        if waste.packagings.isEmpty && emitterType != .appendix1Producer {
            collector.add("wasteDetails.packagings", .required)
        }
        if (waste.quantity?.grams ?? 0) <= 0 {
            collector.add("wasteDetails.quantity", .quantityNotPositive)
        }
        return collector.issues
    }
}
