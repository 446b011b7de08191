import Domain
import GraphQL

extension FormView {
    /// A transporter as `Transporter`, with its take-over when signed.
    /// - Parameters:
    ///   - transporter: the transporter of the BSD.
    ///   - signature: its take-over signature, nil while it has not signed.
    ///   - id: the id to show when the transporter has none of its own (BSDs written
    ///     before transporters had ids): ``transporterId(formId:number:)``.
    static func transporter(
        _ transporter: Transporter, signature: TransportSignature?, id: String? = nil
    ) -> JSON {
        var object = ViewObject()
        object.set("id", transporter.id ?? id)
        object.set("company", transporter.company.map(company))
        object.set("isExemptedOfReceipt", transporter.isExemptedOfReceipt)
        object.set("receipt", transporter.receipt)
        object.set("department", transporter.department)
        object.set("validityLimit", transporter.validityLimit)
        object.set("numberPlate", numberPlate(transporter.numberPlates))
        object.set("customInfo", transporter.customInfo)
        object.set("mode", transporter.mode)
        object.set("takenOverAt", signature?.takenOverAt)
        object.set("takenOverBy", signature?.takenOverBy)
        return object.json
    }

    /// The id shown for transporter `number` (from 1) when it has none of its own:
    /// `<formId>-<number>`, stable as long as the transporter keeps its place in the chain.
    static func transporterId(formId: String, number: Int) -> String {
        FormContent.transporterId(formId: formId, number: number)
    }

    /// The plates as one string, `", "`-separated; nil when there is none.
    static func numberPlate(_ plates: [String]) -> String? {
        plates.isEmpty ? nil : plates.joined(separator: ", ")
    }

    /// The take-over signature of transporter `number` (from 1) of the initial journey.
    static func signature(_ state: FormState, number: Int) -> TransportSignature? {
        state.transportSignatures.first { $0.number == number }
    }

    /// Every transporter of the initial journey, in order, each with its take-over.
    static func transporters(_ state: FormState) -> [JSON] {
        state.content.transporters.enumerated().map { index, item in
            transporter(
                item, signature: signature(state, number: index + 1),
                id: transporterId(formId: state.id, number: index + 1))
        }
    }

    /// The transporters after the first as `TransportSegment`s (the first multimodal API,
    /// deprecated), as Trackdéchets shows them: the first transporter is the BSD's own
    /// `transporter`, so segments start with transporter 2, and `segmentNumber` is the
    /// transporter's number in the chain.
    static func segments(_ state: FormState) -> JSON {
        let chain = state.content.transporters
        guard chain.count > 1 else { return .list([]) }
        return .list(
            (1..<chain.count).map { index in
                let number = index + 1
                let taken = signature(state, number: number)
                var object = ViewObject()
                object.set(
                    "id", chain[index].id ?? transporterId(formId: state.id, number: number))
                object.set(
                    "previousTransporterCompanySiret", chain[index - 1].company?.orgId)
                object.set(
                    "transporter",
                    transporter(
                        chain[index], signature: taken,
                        id: transporterId(formId: state.id, number: number)))
                object.set("mode", chain[index].mode)
                object.set("takenOverAt", taken?.takenOverAt)
                object.set("takenOverBy", taken?.takenOverBy)
                object.set("readyToTakeOver", chain[index].readyToTakeOver)
                object.set("segmentNumber", number)
                return object.json
            })
    }
}
