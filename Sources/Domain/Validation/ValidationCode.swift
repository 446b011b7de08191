/// The stable code of a validation failure; the raw value is what integrators see.
public enum ValidationCode: String, CaseIterable, Sendable, JSONStringEnum {
    /// A field required at this step is missing.
    case required
    /// A field that must be empty at this step, or for this configuration, is filled.
    case mustBeEmpty
    /// Text longer than allowed.
    case tooLong
    /// Not a valid SIRET (14 digits, checksum, La Poste rule, not all zeros).
    case invalidSiret
    /// Not a valid VAT number.
    case invalidVat
    /// Not an OMI number (`OMI` + 7 digits).
    case invalidOmiNumber
    /// Not an e-mail address.
    case invalidMail
    /// Not a code of the waste list in its spaced format.
    case unknownWasteCode
    /// A waste code reserved to another BSD type.
    case wasteCodeNotForBSDD
    /// A dangerous code (`*`) on waste flagged as not dangerous.
    case dangerousCodeNotFlagged
    /// A code not allowed on an annexe-1 collection round.
    case wasteCodeNotForAppendix1
    /// Not a treatment operation code.
    case unknownOperation
    /// The operation has allowed modes and none was given.
    case modeRequired
    /// The operation has no mode and one was given.
    case modeForbidden
    /// The mode is not one of the operation's allowed modes.
    case modeNotAllowed
    /// `PIPELINE` packaging is refused; use `isDirectSupply`.
    case pipelinePackagingRefused
    /// Packaging description required for `AUTRE` and forbidden otherwise.
    case packagingOtherMismatch
    /// The number of packages must be an integer of at least 1.
    case packagingQuantityInvalid
    /// At most two tanks or two skips.
    case tankOrSkipOverTwo
    /// Tanks and skips may not be mixed with each other or with other packagings.
    case packagingMixForbidden
    /// A volume must be above zero.
    case packagingVolumeInvalid
    /// A quantity must be above zero.
    case quantityNotPositive
    /// A quantity must be below 50 000 t.
    case quantityTooLarge
    /// With a road transporter a quantity may not exceed 40 t.
    case quantityOverRoadLimit
    /// The ADR flag is mandatory for BSDs created from 2025-06-04.
    case adrFlagRequired
    /// The ADR mention is required (flag true, or dangerous waste on older BSDs).
    case adrMentionRequired
    /// The ADR mention must be empty when the flag is false.
    case adrMentionForbidden
    /// More than two plates.
    case tooManyPlates
    /// A plate must have 4 to 12 characters, not only spaces.
    case invalidPlate
    /// More than five transporters.
    case tooManyTransporters
    /// Transporters are forbidden with direct supply.
    case transportersForbidden
    /// More than five intermediaries.
    case tooManyIntermediaries
    /// The same intermediary SIRET twice.
    case duplicateIntermediary
    /// No transporter is left to sign.
    case noTransporterToSign
    /// The next transporter of the chain is not marked ready to take the waste over.
    case transporterNotReady
    /// The take-over names a transporter that is not the next one to sign.
    case notNextTransporter
    /// Two transporters of one BSD carry the same id.
    case duplicateTransporterId
    /// A refusal needs received quantity equal to the refused one, and not zero.
    case refusalQuantityMismatch
    /// A partial refusal needs 0 < refused < received.
    case partialRefusalOutOfRange
    /// Accepted waste has no refused quantity.
    case acceptedWithRefusedQuantity
    /// Refused quantity above the received one.
    case refusedAboveReceived
    /// A partial refusal is forbidden on an annexe-1 container.
    case partialRefusalForbidden
    /// A grouping code needs a next destination.
    case nextDestinationRequired
    /// A final code forbids a next destination.
    case nextDestinationForbidden
    /// A traceability break is forbidden with a final code.
    case noTraceabilityForbidden
    /// Grouping links only on annexe BSDs, and annexe BSDs need at least one.
    case groupingMismatch
    /// A grouped BSD is unknown, deleted, or not awaiting grouping.
    case groupedFormNotAvailable
    /// A grouped BSD appears twice.
    case groupedFormListedTwice
    /// More than 250 grouped BSDs.
    case tooManyGroupedForms
    /// The grouped quantity is not above zero or exceeds what remains.
    case groupedQuantityInvalid
    /// The regroupement's emitter is not the grouped BSD's destination.
    case groupingEmitterMismatch
    /// Tank washing only for tanks on fully accepted waste.
    case tankWashingNotApplicable
    /// The empty-return ADR mention needs accepted dangerous waste in a tank or skip, last
    /// carried by road.
    case emptyReturnNotApplicable
    /// Annexe-1 items may be added only within 5 days of the round's first pickup.
    case appendix1WindowClosed
    /// A field that may not change at this step was changed.
    case cannotChange
    /// The company is not registered on the platform.
    case companyNotRegistered
    /// The company is dormant.
    case companyDormant
    /// The company lacks the profile its role needs.
    case missingCompanyProfile
    /// An eco-organisme may not be the emitter; it is named as eco-organisme instead.
    case ecoOrganismeAsEmitter
    /// The destination lacks the sub-profile for this waste's dangerousness.
    case missingWasteSubProfile
    /// The recipient is not a temporary storage site.
    case notTemporaryStorage
}
