import Domain

/// Random commands, mostly plausible, sometimes broken, for the property test.
struct RandomCommands {
    var random: SeededGenerator

    mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int.random(in: 0..<choices.count, using: &random)]
    }

    mutating func chance(_ percent: Int) -> Bool {
        Int.random(in: 0..<100, using: &random) < percent
    }

    mutating func content() -> FormContent {
        var content = Fixtures.content()
        if chance(30) { content.recipient.isTempStorage = true }
        if chance(15) {
            content.transporters.append(
                Fixtures.transporter(Fixtures.secondTransporterSiret, mode: .rail))
        }
        if chance(10) { content.wasteDetails.code = pick(["16 01 07", "nope", "17 06 05*"]) }
        if chance(10) { content.emitter.company?.siret = "12345678000015" }
        if chance(10) {
            content.wasteDetails.quantity = pick([.zero, .tonnes(41), .tonnes(60_000)])
        }
        if chance(10) { content.emitter.isPrivateIndividual = true }
        return content
    }

    mutating func reception() -> Reception {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return Fixtures.arrival()
        case 1: return Fixtures.acceptance(.refused, received: 1_500_000, refused: 1_500_000)
        case 2: return Fixtures.acceptance(.partiallyRefused, received: 1_500_000, refused: 100)
        case 3: return Fixtures.acceptance(.partiallyRefused, received: 10, refused: 20)
        default: return Fixtures.acceptance()
        }
    }

    mutating func processing() -> Processing {
        pick([
            Fixtures.processing(), Fixtures.grouping(),
            Fixtures.processing("D 10", mode: .elimination),
            Fixtures.processing("R 1", mode: nil),
        ])
    }

    /// A command that fits the form's status most of the time, any command otherwise.
    mutating func command(for form: FormState) -> FormCommand {
        guard chance(80) else { return command() }
        if form.status == .sent && form.content.recipient.isTempStorage && chance(70) {
            return .markTempStored(reception())
        }
        switch form.status {
        case .draft: return chance(80) ? .seal : .update(content())
        case .sealed: return chance(85) ? .signEmission(Fixtures.emission()) : .delete
        case .signedByProducer: return .signTransport(Fixtures.transport())
        case .sent:
            return pick([
                .signTransport(Fixtures.transport()), .markReceived(reception()),
                .markTempStored(reception()), .cancel(reason: "Revision"),
            ])
        case .received: return .markAccepted(reception())
        case .accepted: return chance(80) ? .markProcessed(processing()) : command(13)
        case .tempStored: return .markTempStorerAccepted(reception())
        case .tempStorerAccepted:
            return pick([command(13), .markResent, .markProcessed(processing())])
        case .resealed:
            return pick([
                .signTempStorerEmission(Fixtures.emission()), .markResent,
                .signTransport(Fixtures.transport()),
            ])
        case .signedByTempStorer: return pick([.signTransport(Fixtures.transport()), .markResent])
        case .resent: return .markReceived(reception())
        default: return command()
        }
    }

    mutating func command() -> FormCommand {
        command(Int.random(in: 0..<17, using: &random))
    }

    mutating func command(_ choice: Int) -> FormCommand {
        switch choice {
        case 0: return .update(content())
        case 1: return .delete
        case 2: return .duplicate
        case 3, 4: return .seal
        case 5: return .signEmission(Fixtures.emission())
        case 6, 7: return .signTransport(Fixtures.transport())
        case 8: return .markReceived(reception())
        case 9: return .markAccepted(reception())
        case 10: return .markProcessed(processing())
        case 11: return .markTempStored(reception())
        case 12: return .markTempStorerAccepted(reception())
        case 13:
            var input = ResealInput()
            var destination = Recipient()
            destination.company = Fixtures.company(Fixtures.finalSiret, "Exutoire")
            destination.processingOperation = "R 1"
            input.destination = chance(80) ? destination : nil
            input.transporter = Fixtures.transporter(Fixtures.storerSiret)
            return .markResealed(input)
        case 14: return pick([.signTempStorerEmission(Fixtures.emission()), .markResent])
        case 15: return .cancel(reason: pick(["Revision", ""]))
        default:
            return .importPaperForm(
                PaperImportInput(
                    content: content(),
                    emission: EmissionSignature(emittedAt: Fixtures.createdAt, emittedBy: "E"),
                    transport: TransportSignature(
                        number: 1, takenOverAt: Fixtures.createdAt, takenOverBy: "T"),
                    reception: reception(), processing: processing()))
        }
    }
}
