import Domain

/// BSDs at different points of their life, built field by field, for the PDF tests.
enum FormPdfFixtures {
    /// 2026-12-04 10:56 UTC.
    static let noon = Timestamp(microseconds: 1_796_381_760_000_000)

    static func at(minutes: Int64) -> Timestamp {
        Timestamp(microseconds: noon.microseconds + minutes * 60_000_000)
    }

    static func company(_ siret: String, _ name: String) -> FormCompany {
        FormCompany(
            siret: siret, name: name, address: "12 rue de l'Église, 91000 Évry",
            contact: "Hélène Lefèvre", phone: "01 02 03 04 05", mail: "contact@exemple.fr")
    }

    /// A sealed BSD from a producer to a treatment site, one road transporter.
    static func sealed() -> FormState {
        var state = FormState(id: "form-1")
        state.exists = true
        state.readableId = "TD-26-AAA00001"
        state.status = .sealed
        state.createdAt = noon
        state.content.customId = "réf-interne-42"
        state.content.emitter.type = .producer
        state.content.emitter.company = company("11111111100011", "Société Générale de Déchets")
        var site = WorkSite()
        site.name = "Chantier de la gare"
        site.city = "Évry"
        state.content.emitter.workSite = site
        state.content.recipient.company = company("22222222200022", "Incinérateur du Sud")
        state.content.recipient.cap = "CAP-2026-001"
        state.content.recipient.processingOperation = "R 1"
        var transporter = Transporter()
        transporter.company = company("33333333300033", "Transports Bénard")
        transporter.receipt = "REC-91"
        transporter.department = "91"
        transporter.mode = .road
        transporter.numberPlates = ["AB-123-CD"]
        state.content.transporters = [transporter]
        var waste = WasteDetails()
        waste.code = "16 06 01*"
        waste.name = "Batteries au plomb usagées"
        waste.consistences = [.solid]
        waste.isSubjectToADR = true
        waste.onuCode =
            "UN 2794, ACCUMULATEURS électriques remplis d'électrolyte liquide acide, 8, (E)"
        waste.quantity = Weight(grams: 1_250_000)
        waste.quantityType = .estimated
        waste.packagings = [Packaging(type: .grv, quantity: 2)]
        state.content.wasteDetails = waste
        return state
    }

    /// ``sealed()`` signed by the emitter and taken over: in transit.
    static func sent() -> FormState {
        var state = sealed()
        state.status = .sent
        state.emission = EmissionSignature(emittedAt: at(minutes: 0), emittedBy: "Jérôme Émetteur")
        state.transportSignatures = [
            TransportSignature(
                number: 1, takenOverAt: at(minutes: 30), takenOverBy: "Chloé Chauffeur")
        ]
        return state
    }

    /// ``sent()`` received, accepted and treated.
    static func processed() -> FormState {
        var state = sent()
        state.status = .processed
        var reception = Reception()
        reception.receivedAt = at(minutes: 120)
        reception.receivedBy = "Noël Réception"
        reception.signedAt = at(minutes: 125)
        reception.signedBy = "Noël Réception"
        reception.acceptationStatus = .accepted
        reception.quantityReceived = Weight(grams: 1_240_000)
        reception.quantityType = .real
        state.reception = reception
        var processing = Processing(
            operationDone: "R 1", processedBy: "Zoé Traitement", processedAt: at(minutes: 600))
        processing.operationMode = .valorisationEnergetique
        processing.description = "Incinération avec récupération d'énergie"
        state.processing = processing
        return state
    }

    /// A BSD that went through a temporary storage site and left it again.
    static func resent() -> FormState {
        var state = sent()
        state.status = .resent
        state.content.recipient.isTempStorage = true
        var storage = TemporaryStorage()
        storage.reception.receivedAt = at(minutes: 90)
        storage.reception.receivedBy = "Gaëlle Entrepôt"
        storage.reception.signedAt = at(minutes: 95)
        storage.reception.signedBy = "Gaëlle Entrepôt"
        storage.reception.acceptationStatus = .accepted
        storage.reception.quantityReceived = Weight(grams: 1_250_000)
        var destination = Recipient()
        destination.company = company("44444444400044", "Centre de traitement final")
        destination.processingOperation = "D 10"
        storage.destination = destination
        var onward = Transporter()
        onward.company = company("55555555500055", "Fluvial Frères")
        onward.mode = .river
        storage.transporter = onward
        storage.emission = EmissionSignature(
            emittedAt: at(minutes: 200), emittedBy: "Gaëlle Entrepôt")
        storage.transport = TransportSignature(
            number: 1, takenOverAt: at(minutes: 240), takenOverBy: "Loïc Batelier")
        state.temporaryStorage = storage
        return state
    }

    /// ``sent()`` with a second transporter that has taken over too.
    static func multimodal() -> FormState {
        var state = sent()
        var rail = Transporter()
        rail.company = company("66666666600066", "Rail Fret Sud")
        rail.mode = .rail
        state.content.transporters.append(rail)
        state.transportSignatures.append(
            TransportSignature(number: 2, takenOverAt: at(minutes: 300), takenOverBy: "Rémi Rail"))
        return state
    }

    /// ``sealed()`` cancelled.
    static func canceled() -> FormState {
        var state = sealed()
        state.status = .canceled
        state.cancellationReason = "Erreur de saisie corrigée par révision"
        return state
    }
}
