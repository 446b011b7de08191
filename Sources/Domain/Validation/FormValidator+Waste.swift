extension FormValidator {
    /// The maximum of any weight: strictly below 50 000 t.
    static let maximumWeight = Weight.tonnes(50_000)
    /// The maximum weight when a transporter goes by road: 40 t.
    static let maximumRoadWeight = Weight.tonnes(40)

    /// Checks boxes 3–6: code, dangerousness, consistence, quantity, packagings, ADR.
    func checkWaste(_ content: FormContent, into collector: inout IssueCollector) {
        let waste = content.wasteDetails
        checkWasteCode(waste, emitterType: content.emitter.type, into: &collector)
        // An annexe-1 container's quantity and packagings are the sums of its items'.
        let isContainer = content.emitter.type == .appendix1
        if isSealed {
            collector.require(waste.name, "wasteDetails.name")
            if waste.consistences.isEmpty { collector.add("wasteDetails.consistences", .required) }
            if !isContainer {
                collector.require(waste.quantityType, "wasteDetails.quantityType")
                collector.require(waste.pop, "wasteDetails.pop")
            }
            if content.isDirectSupply && !waste.packagings.isEmpty {
                collector.add("wasteDetails.packagings", .mustBeEmpty)
            }
        }
        let hasRoad = content.transporters.contains { $0.mode == .road }
        Self.checkWeight(
            waste.quantity, "wasteDetails.quantity", required: isSealed && !isContainer,
            byRoad: hasRoad, into: &collector)
        Self.checkPackagings(waste.packagings, into: &collector)
        checkADR(waste, into: &collector)
        collector.limit(waste.onuCode, 750, "wasteDetails.onuCode")
        collector.limit(waste.name, 250, "wasteDetails.name")
    }

    private func checkWasteCode(
        _ waste: WasteDetails, emitterType: EmitterType?, into collector: inout IssueCollector
    ) {
        guard let code = waste.code else {
            if isSealed { collector.add("wasteDetails.code", .required) }
            return
        }
        if Nomenclatures.wasteLabel(code) == nil {
            collector.add("wasteDetails.code", .unknownWasteCode)
        } else if !Nomenclatures.isBSDDWasteCode(code) {
            collector.add("wasteDetails.code", .wasteCodeNotForBSDD)
        } else if emitterType == .appendix1 || emitterType == .appendix1Producer,
            !Nomenclatures.isAppendix1WasteCode(code)
        {
            collector.add("wasteDetails.code", .wasteCodeNotForAppendix1)
        }
        if Nomenclatures.isDangerous(code) && waste.isDangerous == false {
            collector.add("wasteDetails.isDangerous", .dangerousCodeNotFlagged)
        }
    }

    /// A weight: above zero (when `required` or given), below 50 000 t, at most 40 t by road.
    static func checkWeight(
        _ weight: Weight?, _ fieldPath: String, required: Bool, byRoad: Bool,
        into collector: inout IssueCollector
    ) {
        guard let weight else {
            if required { collector.add(fieldPath, .required) }
            return
        }
        if weight.grams <= 0 && required {
            collector.add(fieldPath, .quantityNotPositive)
        } else if weight.grams < 0 {
            collector.add(fieldPath, .quantityNotPositive)
        }
        if weight >= maximumWeight {
            collector.add(fieldPath, .quantityTooLarge)
        } else if byRoad && weight > maximumRoadWeight {
            collector.add(fieldPath, .quantityOverRoadLimit)
        }
    }

    /// Packaging rules: no pipeline, `other` iff AUTRE, counts ≥ 1, tanks and skips at most
    /// two and never mixed.
    static func checkPackagings(_ packagings: [Packaging], into collector: inout IssueCollector) {
        for (index, packaging) in packagings.enumerated() {
            let prefix = "wasteDetails.packagings.\(index)"
            if packaging.type == .pipeline {
                collector.add(path(prefix, "type"), .pipelinePackagingRefused)
            }
            let hasOther = packaging.other?.contains { !$0.isWhitespace } == true
            if hasOther != (packaging.type == .autre) {
                collector.add(path(prefix, "other"), .packagingOtherMismatch)
            }
            if packaging.quantity < 1 {
                collector.add(path(prefix, "quantity"), .packagingQuantityInvalid)
            }
            if let volume = packaging.volume, volume <= 0 {
                collector.add(path(prefix, "volume"), .packagingVolumeInvalid)
            }
            if [.citerne, .benne].contains(packaging.type) && packaging.quantity > 2 {
                collector.add(path(prefix, "quantity"), .tankOrSkipOverTwo)
            }
        }
        let types = Set(packagings.map(\.type))
        let bulk = types.intersection([.citerne, .benne])
        if !bulk.isEmpty && types.count > 1 {
            collector.add("wasteDetails.packagings", .packagingMixForbidden)
        }
    }

    /// The ADR mention rule, keyed by creation date: from 2025-06-04 the flag is mandatory;
    /// a set flag decides whether the mention is required (true) or must be empty (false);
    /// without the flag, dangerous waste needs a mention ("non soumis" is one).
    func checkADR(_ waste: WasteDetails, into collector: inout IssueCollector) {
        let hasMention = waste.onuCode?.contains { !$0.isWhitespace } == true
        switch waste.isSubjectToADR {
        case true?:
            if isSealed && !hasMention {
                collector.add("wasteDetails.onuCode", .adrMentionRequired)
            }
        case false?:
            if hasMention { collector.add("wasteDetails.onuCode", .adrMentionForbidden) }
        case nil:
            guard isSealed else { return }
            if RuleDates.isADRFlagMandatory(createdAt: createdAt) {
                collector.add("wasteDetails.isSubjectToADR", .adrFlagRequired)
            } else if waste.code.map(Nomenclatures.isDangerous) == true && !hasMention {
                collector.add("wasteDetails.onuCode", .adrMentionRequired)
            }
        }
    }
}
