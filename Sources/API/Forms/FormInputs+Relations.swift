import Domain
import GraphQL

/// The fields that name other records: `transporters` and `transporter`, `appendix2Forms`
/// and `grouping`. Ids are resolved with the closures; an id that names nothing becomes a
/// `NOT_FOUND` issue at its path, any other error of a closure is thrown as it is.
extension FormInputs {
    /// `transporters: [ID!]` replaces the whole list; `transporter` then merges into the
    /// first transporter (made when there is none) and keeps the others. A null `transporter`
    /// removes the first transporter, unless `transporters` is given, which wins.
    func mergeTransporters(
        _ reader: inout InputReader, into transporters: inout [Transporter]
    )
        throws(APIError)
    {
        let listGiven = reader.fields["transporters"] != nil
        if listGiven {
            var ids: [String] = []
            reader.mergeStrings("transporters", into: &ids)
            var found: [Transporter] = []
            for (index, id) in ids.enumerated() {
                if let one = try lookUp(
                    &reader, reader.path("transporters.\(index)"),
                    { () throws(APIError) in
                        try transporter(id)
                    })
                {
                    found.append(one)
                }
            }
            transporters = found
        }
        guard let value = reader.fields["transporter"] else { return }
        if value.isNull {
            if !listGiven && !transporters.isEmpty { transporters.removeFirst() }
            return
        }
        var first = transporters.first ?? Transporter()
        guard reader.nested("transporter", { Self.mergeTransporter(&$0, into: &first) }) != nil
        else { return }
        if transporters.isEmpty {
            transporters = [first]
        } else {
            transporters[0] = first
        }
    }

    /// `appendix2Forms` (no quantities) or `grouping` (with quantities when given) replaces
    /// the grouping; giving both non-empty lists is a `CONFLICTING_FIELDS` issue.
    func mergeGrouping(
        _ reader: inout InputReader, into grouping: inout [GroupingFraction]
    )
        throws(APIError)
    {
        let appendix = Self.references(&reader, "appendix2Forms", withQuantity: false)
        let fractions = Self.references(&reader, "grouping", withQuantity: true)
        if let appendix, let fractions, !appendix.isEmpty, !fractions.isEmpty {
            reader.add("grouping", .conflictingFields)
            return
        }
        let references: [FormReference]
        switch (appendix, fractions) {
        case (nil, nil): return
        case (let appendix?, let fractions?): references = fractions.isEmpty ? appendix : fractions
        case (let appendix?, nil): references = appendix
        case (nil, let fractions?): references = fractions
        }
        var linked: [GroupingFraction] = []
        for reference in references {
            let id = try lookUp(&reader, reference.path) { () throws(APIError) in
                try formId(reference.id, reference.readableId)
            }
            if let id { linked.append(GroupingFraction(formId: id, quantity: reference.quantity)) }
        }
        grouping = linked
    }

    /// An `AppendixFormInput` read from the input, with the fraction's quantity.
    struct FormReference {
        /// Where the reference is, for a `NOT_FOUND` issue.
        var path: String
        /// The BSD's id.
        var id: String?
        /// The BSD's readable id.
        var readableId: String?
        /// The quantity taken from it, in `grouping`.
        var quantity: Weight?
    }

    /// The references of the list at `key`: `AppendixFormInput`s, or
    /// `InitialFormFractionInput`s (`{form, quantity}`) when `withQuantity`; nil when absent,
    /// empty when null.
    static func references(
        _ reader: inout InputReader, _ key: String, withQuantity: Bool
    )
        -> [FormReference]?
    {
        guard reader.fields[key] != nil else { return nil }
        var references: [FormReference] = []
        reader.mergeObjects(key, into: &references) { element in
            guard withQuantity else { return reference(&element) }
            let quantity = element.weight("quantity")
            let form = element.nested("form") { reference(&$0) }
            guard let form = element.required(form, "form") else { return nil }
            return FormReference(
                path: form.path, id: form.id, readableId: form.readableId, quantity: quantity)
        }
        return references
    }

    /// The `{id, readableId}` the reader holds.
    private static func reference(_ reader: inout InputReader) -> FormReference {
        let id = reader.string("id")
        let readableId = reader.string("readableId")
        return FormReference(path: reader.path, id: id, readableId: readableId)
    }

    /// Runs a lookup; NOT_FOUND becomes an issue at the dotted `path` (and nil), anything else
    /// is thrown.
    private func lookUp<T>(
        _ reader: inout InputReader, _ path: String, _ body: () throws(APIError) -> T
    ) throws(APIError) -> T? {
        do throws(APIError) {
            return try body()
        } catch {
            guard error.code == .notFound else { throw error }
            reader.issues.append((path, InputIssueCode.notFound.rawValue))
            return nil
        }
    }
}
