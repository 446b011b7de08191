import Domain
import GraphQL

/// The inputs of the signing steps. Fields the domain value cannot do without (who and when
/// of a signature, the treatment code) give a `REQUIRED` issue when missing; every other
/// check is the domain's.
extension FormInputs {
    /// `SignEmissionFormInput` → ``SignEmissionInput``. A null `transporterNumberPlate`
    /// leaves the plates as they are; a blank one means no plate.
    static func signEmission(_ input: JSONObject) throws(APIError) -> SignEmissionInput {
        var reader = InputReader(input)
        let emittedAt = reader.requiredDate("emittedAt")
        let emittedBy = reader.requiredString("emittedBy")
        var packagings: [Packaging]?
        if let value = reader.fields["packagingInfos"], !value.isNull {
            var list: [Packaging] = []
            reader.mergeObjects("packagingInfos", into: &list, packaging)
            packagings = list
        }
        var plates: [String]?
        reader.mergeOptionalPlates("transporterNumberPlate", into: &plates)
        let byEcoOrganisme = reader.bool("emittedByEcoOrganisme") ?? false
        let quantity = reader.weight("quantity")
        let isSubjectToADR = reader.bool("isSubjectToADR")
        let onuCode = reader.string("onuCode")
        let mention = reader.string("nonRoadRegulationMention")
        guard let emittedAt, let emittedBy else { return try reader.finish(nil) }
        var signature = SignEmissionInput(emittedAt: emittedAt, emittedBy: emittedBy)
        signature.byEcoOrganisme = byEcoOrganisme
        signature.quantity = quantity
        signature.packagings = packagings
        signature.isSubjectToADR = isSubjectToADR
        signature.onuCode = onuCode
        signature.nonRoadRegulationMention = mention
        signature.transporterNumberPlates = plates
        return try reader.finish(signature)
    }

    /// `SignTransportFormInput` → ``SignTransportInput``; plates as in
    /// ``signEmission(_:)``.
    static func signTransport(_ input: JSONObject) throws(APIError) -> SignTransportInput {
        var reader = InputReader(input)
        let takenOverAt = reader.requiredDate("takenOverAt")
        let takenOverBy = reader.requiredString("takenOverBy")
        var plates: [String]?
        reader.mergeOptionalPlates("transporterNumberPlate", into: &plates)
        let mode: TransportMode? = reader.enumValue("transporterTransportMode")
        let contact = reader.string("transporterCompanyContact")
        let phone = reader.string("transporterCompanyPhone")
        let mail = reader.string("transporterCompanyMail")
        guard let takenOverAt, let takenOverBy else { return try reader.finish(nil) }
        var signature = SignTransportInput(takenOverAt: takenOverAt, takenOverBy: takenOverBy)
        signature.numberPlates = plates
        signature.mode = mode
        signature.companyContact = contact
        signature.companyPhone = phone
        signature.companyMail = mail
        return try reader.finish(signature)
    }

    /// `ReceivedFormInput` → ``Reception``. When the input decides acceptance at once, the
    /// receiver signs it (the input has no `signedBy`), at `signedAt` or else on reception.
    static func received(_ input: JSONObject) throws(APIError) -> Reception {
        var reader = InputReader(input)
        let reception = reception(&reader, quantityType: "quantityReceivedType")
        return try reader.finish(reception)
    }

    /// `AcceptedFormInput` → ``Reception``.
    static func accepted(_ input: JSONObject) throws(APIError) -> Reception {
        var reader = InputReader(input)
        let reception = reception(&reader, quantityType: "quantityReceivedType")
        return try reader.finish(reception)
    }

    /// `TempStoredFormInput` → ``Reception``, signed as in ``received(_:)``.
    static func tempStored(_ input: JSONObject) throws(APIError) -> Reception {
        var reader = InputReader(input)
        let reception = reception(&reader, quantityType: "quantityType")
        return try reader.finish(reception)
    }

    /// `TempStorerAcceptedFormInput` → ``Reception``.
    static func tempStorerAccepted(_ input: JSONObject) throws(APIError) -> Reception {
        var reader = InputReader(input)
        let reception = reception(&reader, quantityType: "quantityType")
        return try reader.finish(reception)
    }

    /// The fields of every reception and acceptance input; `quantityType` names the input's
    /// field for the quantity type. An acceptance decided without `signedBy` (the reception
    /// inputs have none) is signed by the receiver, at `signedAt` or else on reception.
    static func reception(_ reader: inout InputReader, quantityType: String) -> Reception {
        var reception = Reception()
        reader.merge("receivedBy", into: &reception.receivedBy)
        reader.mergeDate("receivedAt", into: &reception.receivedAt)
        reader.merge("signedBy", into: &reception.signedBy)
        reader.mergeDate("signedAt", into: &reception.signedAt)
        reader.mergeEnum("wasteAcceptationStatus", into: &reception.acceptationStatus)
        reader.merge("wasteRefusalReason", into: &reception.refusalReason)
        reader.mergeWeight("quantityReceived", into: &reception.quantityReceived)
        reader.mergeWeight("quantityRefused", into: &reception.quantityRefused)
        reader.mergeEnum(quantityType, into: &reception.quantityType)
        reader.merge("hasCiterneBeenWashedOut", into: &reception.hasCiterneBeenWashedOut)
        reader.mergeEnum("citerneNotWashedOutReason", into: &reception.citerneNotWashedOutReason)
        reader.merge("emptyReturnADR", into: &reception.emptyReturnADR)
        if reception.acceptationStatus != nil && reception.signedBy == nil {
            reception.signedBy = reception.receivedBy
            reception.signedAt = reception.signedAt ?? reception.receivedAt
        }
        return reception
    }

    /// `ProcessedFormInput` → ``Processing``.
    static func processed(_ input: JSONObject) throws(APIError) -> Processing {
        var reader = InputReader(input)
        let processing = processing(&reader)
        return try reader.finish(processing)
    }

    /// The treatment the reader holds; nil, with issues, without code, signer or date.
    static func processing(_ reader: inout InputReader) -> Processing? {
        let done = reader.requiredString("processingOperationDone")
        let by = reader.requiredString("processedBy")
        let at = reader.requiredDate("processedAt")
        let mode: OperationMode? = reader.enumValue("destinationOperationMode")
        let description = reader.string("processingOperationDescription")
        let next = reader.read(
            "nextDestination", empty: NextDestination(), mergeNextDestination)
        let noTraceability = reader.bool("noTraceability") ?? false
        var upcycling = Processing(
            operationDone: "", processedBy: "", processedAt: .init(microseconds: 0))
        mergeUpcycling(&reader, into: &upcycling)
        guard let done, let by, let at else { return nil }
        var processing = upcycling
        processing.operationDone = done
        processing.processedBy = by
        processing.processedAt = at
        processing.operationMode = mode
        processing.description = description
        processing.nextDestination = next
        processing.noTraceability = noTraceability
        return processing
    }

    /// The upcycling fields of `ProcessedFormInput` (excavated soils): whether the waste was
    /// upcycled and on which parcels.
    static func mergeUpcycling(_ reader: inout InputReader, into processing: inout Processing) {
        reader.merge("isUpcycled", into: &processing.isUpcycled)
        reader.mergeStrings(
            "destinationParcelInseeCodes", into: &processing.destinationParcelInseeCodes)
        reader.mergeStrings("destinationParcelNumbers", into: &processing.destinationParcelNumbers)
        reader.mergeStrings(
            "destinationParcelCoordinates", into: &processing.destinationParcelCoordinates)
    }

    /// `ResealedFormInput` → ``ResealInput``: the blocks given, each built afresh.
    static func resealed(_ input: JSONObject) throws(APIError) -> ResealInput {
        var reader = InputReader(input)
        let reseal = reseal(&reader)
        return try reader.finish(reseal)
    }

    /// ResentFormInput: the onward journey and the storer's emission signature.
    static func resent(_ input: JSONObject) throws(APIError) -> (ResealInput, SignEmissionInput) {
        var reader = InputReader(input)
        let reseal = reseal(&reader)
        let signedAt = reader.requiredDate("signedAt")
        let signedBy = reader.requiredString("signedBy")
        guard let signedAt, let signedBy else { return try reader.finish(nil) }
        return try reader.finish(
            (reseal, SignEmissionInput(emittedAt: signedAt, emittedBy: signedBy)))
    }

    /// The onward-journey blocks the reader holds.
    private static func reseal(_ reader: inout InputReader) -> ResealInput {
        var reseal = ResealInput()
        reseal.destination = reader.read("destination", empty: Recipient(), mergeDestination)
        reseal.transporter = reader.read("transporter", empty: Transporter(), mergeTransporter)
        reseal.wasteDetails = reader.read(
            "wasteDetails", empty: WasteDetails(), mergeRepackaging)
        return reseal
    }
}
