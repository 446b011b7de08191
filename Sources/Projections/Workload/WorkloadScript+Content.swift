import Domain

extension WorkloadScript {
    func transporter(_ company: FormCompany, mode: TransportMode = .road) -> Transporter {
        var transporter = Transporter()
        transporter.company = company
        transporter.receipt = "R-\(company.siret!.prefix(4))"
        transporter.department = "69"
        transporter.validityLimit = Timestamp(year: 2031, month: 1, day: 1)
        transporter.mode = mode
        if mode == .road { transporter.numberPlates = ["AB-123-CD"] }
        return transporter
    }

    /// A complete BSD from the emitter to the plant.
    func content(destination: FormCompany? = nil) -> FormContent {
        let dangerous = wasteCode.hasSuffix("*")
        var content = FormContent()
        content.customId = customId
        content.emitter.type = .producer
        content.emitter.company = parties.emitter
        content.recipient.company = destination ?? parties.plant
        content.recipient.processingOperation = dangerous ? "R 1" : "D 10"
        content.recipient.cap = dangerous ? "CAP-\(formId)" : nil
        content.transporters = [transporter(parties.transporter)]
        content.wasteDetails.code = wasteCode
        content.wasteDetails.name = dangerous ? "Déchets dangereux" : "Déchets banals"
        content.wasteDetails.pop = false
        content.wasteDetails.isSubjectToADR = dangerous
        content.wasteDetails.onuCode = dangerous ? "UN 3175, 4.1, II" : nil
        content.wasteDetails.quantity = Weight(grams: quantity)
        content.wasteDetails.quantityType = .real
        content.wasteDetails.consistences = [.solid]
        content.wasteDetails.packagings = [Packaging(type: .fut, quantity: 2)]
        if let trader = parties.trader {
            var party = TradingParty()
            party.company = trader
            party.receipt = "N-1"
            party.department = "69"
            party.validityLimit = Timestamp(year: 2031, month: 1, day: 1)
            content.trader = party
        }
        return content
    }

    static func arrival(_ now: Timestamp) -> Reception {
        var reception = Reception()
        reception.receivedAt = now
        reception.receivedBy = "Lou"
        return reception
    }

    func accepted(_ received: Int64) -> (Timestamp) -> Reception {
        { now in
            var reception = Self.arrival(now)
            reception.signedAt = now
            reception.signedBy = "Lou"
            reception.acceptationStatus = .accepted
            reception.quantityReceived = Weight(grams: received)
            reception.quantityRefused = Weight(grams: 0)
            return reception
        }
    }

    func refused(_ now: Timestamp) -> Reception {
        var reception = accepted(quantity)(now)
        reception.acceptationStatus = .refused
        reception.quantityRefused = Weight(grams: quantity)
        reception.refusalReason = "Non conforme"
        return reception
    }

    func partial() -> (Timestamp) -> Reception {
        { now in
            var reception = accepted(quantity)(now)
            reception.acceptationStatus = .partiallyRefused
            reception.quantityRefused = Weight(grams: quantity / 3)
            reception.refusalReason = "Emballages abîmés"
            return reception
        }
    }
}
