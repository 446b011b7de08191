import Domain

extension WorkloadScript {
    /// Annexe 1: a collection round's container and two items; the items' pickups send the
    /// container, which is then received and treated for all of them.
    func collectionRound() -> [Step] {
        let code = "13 02 05*"
        var container = content()
        container.emitter.type = .appendix1
        container.wasteDetails.code = code
        container.wasteDetails.packagings = []
        container.trader = nil
        let items = [formId + "-item1", formId + "-item2"]
        var item = content()
        item.emitter.type = .appendix1Producer
        item.wasteDetails.code = code
        item.recipient = Recipient()
        item.trader = nil
        item.customId = nil
        var grouped = container
        grouped.grouping = items.map { GroupingFraction(formId: $0) }
        var steps: [Step] = [
            Step(
                command: { _ in .create(container) }, formId: nil, actor: parties.emitter,
                newFormId: formId),
            step(parties.emitter) { _ in .seal },
        ]
        for id in items {
            steps.append(
                Step(
                    command: { _ in .create(item) }, formId: nil, actor: parties.emitter,
                    newFormId: id))
            steps.append(step(parties.emitter, on: id) { _ in .seal })
        }
        steps.append(step(parties.emitter) { _ in .update(grouped) })
        for id in items {
            steps.append(
                step(parties.transporter, on: id) {
                    .signTransport(SignTransportInput(takenOverAt: $0, takenOverBy: "Sam"))
                })
        }
        return steps + [
            step(parties.plant) { .markReceived(self.accepted(2 * quantity)($0)) }
        ] + treatment()
    }
}
