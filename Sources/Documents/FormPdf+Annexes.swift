import Domain

extension FormPdf {
    /// The annexed BSDs: the items of an annexe-1 round or the initial BSDs of an annexe-2
    /// regroupement, with their quantities, and the regroupements this BSD went into.
    static func annexesBox(_ input: FormPdfInput) -> PdfBox? {
        let state = input.state
        guard !state.content.grouping.isEmpty || !state.groupedIn.isEmpty else { return nil }
        let appendix1 = state.content.emitter.type == .appendix1
        var rows: [Row] = state.content.grouping.map { fraction in
            let item = input.linked[fraction.formId]
            var text = input.readableId(fraction.formId)
            if let code = item?.content.wasteDetails.code { text += " — \(code)" }
            if let quantity = fraction.quantity ?? item?.content.wasteDetails.quantity {
                text += " — \(FrenchText.tonnes(quantity))"
            }
            return Row(appendix1 ? "Bordereau de tournée" : "BSD initial", text)
        }
        rows += state.groupedIn.map { fraction in
            Row(
                "Regroupé dans",
                "\(input.readableId(fraction.formId)) — \(FrenchText.tonnes(fraction.quantity))")
        }
        return PdfBox(
            number: "",
            title: appendix1
                ? "Bordereaux annexés (annexe 1)" : "Bordereaux annexés et regroupements",
            rows: rows)
    }
}
