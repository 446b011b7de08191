extension FormContent {
    /// The content of an update of `old`, numbered as ``numberingTransporters(formId:except:)``
    /// does, except at the places where `old` has a transporter without an id (a BSD written
    /// before transporters had ids): giving it one would be a change to a field the BSD may
    /// have locked by now.
    func numberingTransporters(updating old: FormContent, formId: String) -> FormContent {
        let unnumbered = old.transporters.indices.filter { old.transporters[$0].id == nil }
        return numberingTransporters(formId: formId, except: Set(unnumbered))
    }

    /// The content with an id for each transporter that has none (but those at `except`):
    /// `<formId>-<n>`, the smallest `n` from its place in the chain on that no other
    /// transporter of the content uses, so that every transporter an integrator sees can be
    /// named in `updateFormTransporter` and `deleteFormTransporter`. The number follows from
    /// the place, so content sent again without ids gets the ids it had.
    func numberingTransporters(formId: String, except: Set<Int> = []) -> FormContent {
        let missing = transporters.indices.filter {
            transporters[$0].id == nil && !except.contains($0)
        }
        guard !missing.isEmpty else { return self }
        var content = self
        var used = Set(transporters.compactMap(\.id))
        for index in missing {
            var number = index + 1
            while used.contains(Self.transporterId(formId: formId, number: number)) {
                number += 1
            }
            let id = Self.transporterId(formId: formId, number: number)
            used.insert(id)
            content.transporters[index].id = id
        }
        return content
    }

    /// The id given to the transporter `number` (from 1) of BSD `formId` that came without
    /// one.
    public static func transporterId(formId: String, number: Int) -> String {
        "\(formId)-\(number)"
    }
}
