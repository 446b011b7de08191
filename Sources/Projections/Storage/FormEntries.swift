import Domain

/// The index entries one state of a BSD makes, outside the state itself and its status
/// log: one per reading company in each list it belongs to, its register rows, and one
/// attachment entry per transporter with an id. They are a function of the state (and of
/// the emitters of the BSDs it groups, in ``FormFacts``), so a flush replaces the entries of
/// a BSD's state before with those of its state after.
struct FormEntries {
    let state: FormState
    let facts: FormFacts
    let row: UInt64

    /// Hands every entry to `sink`.
    func write(into sink: some EntrySink) {
        writeLists(into: sink)
        writeRegisters(into: sink)
        writeTransporters(into: sink)
    }

    /// The list entries: one per reading company in each list the BSD belongs to.
    private func writeLists(into sink: some EntrySink) {
        let (status, code, custom) = (
            state.status.rawValue, state.content.wasteDetails.code, state.content.customId
        )
        for orgId in facts.readers {
            let value = sink.value(facts.summary(state, for: orgId).bytes)
            sink.put(.company, value: value) { IndexKey.appendCompanyRow(orgId, row, to: &$0) }
            sink.put(.status, value: value) {
                IndexKey.appendCompanyText(orgId, status, row, to: &$0)
            }
            if let code {
                sink.put(.waste, value: value) {
                    IndexKey.appendCompanyText(orgId, code, row, to: &$0)
                }
            }
            if let custom {
                sink.put(.custom, value: value) {
                    IndexKey.appendCompanyText(orgId, custom, row, to: &$0)
                }
            }
            for role in facts.roles[orgId] ?? [] {
                sink.put(.role, value: value) {
                    IndexKey.appendCompanyText(orgId, role.rawValue, row, to: &$0)
                }
            }
            if facts.nextStep.contains(orgId) {
                sink.put(.nextStep, value: value) {
                    IndexKey.appendCompanyRow(orgId, row, to: &$0)
                }
            }
        }
    }

    private func writeRegisters(into sink: some EntrySink) {
        let entries = state.registerEntries(roles: facts.roles)
        guard !entries.isEmpty else { return }
        let formId = sink.value(Array(state.id.utf8))
        for entry in entries {
            sink.put(.register, value: formId) {
                IndexKey.appendRegister(
                    entry.orgId, entry.type, date: entry.date, row: row, to: &$0)
            }
        }
    }

    /// One attachment entry per transporter with an id on the state, the onward transporter
    /// after temporary storage included; deleted BSDs keep theirs, so that a transporter
    /// never moves to another BSD.
    private func writeTransporters<Sink: EntrySink>(into sink: Sink) {
        var formId: Sink.Value?
        for transporter in state.content.transporters + [state.temporaryStorage?.transporter] {
            guard let transporterId = transporter?.id else { continue }
            let value = formId ?? sink.value(Array(state.id.utf8))
            formId = value
            sink.put(.transporter, value: value) {
                IndexKey.appendTransporter(transporterId, formId: state.id, to: &$0)
            }
        }
    }
}
