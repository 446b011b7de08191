import Domain

/// What a BSD's PDF is drawn from: the BSD, the BSDs it links to, and the moment it is
/// drawn. The caller has checked that whoever gets the PDF may read the BSD.
public struct FormPdfInput: Sendable {
    /// The BSD.
    public var state: FormState
    /// The BSDs it links to, by id: the annexe-2 initial BSDs or annexe-1 items it groups,
    /// the regroupements it is grouped in, its annexe-1 container. Missing ones are named
    /// by id only.
    public var linked: [String: FormState]
    /// When the PDF is drawn, printed in the header.
    public var editedAt: Timestamp

    /// Names the BSD, its linked BSDs and the time of drawing.
    public init(state: FormState, linked: [String: FormState] = [:], editedAt: Timestamp) {
        self.state = state
        self.linked = linked
        self.editedAt = editedAt
    }

    /// The ids of every BSD the PDF names, for the caller to load into ``linked``.
    public static func linkedIds(of state: FormState) -> [String] {
        var ids = state.content.grouping.map(\.formId) + state.groupedIn.map(\.formId)
        if let container = state.appendix1ContainerId { ids.append(container) }
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }

    /// The readable id of BSD `id`, or its opaque id when it was not loaded.
    func readableId(_ id: String) -> String {
        linked[id]?.readableId ?? id
    }
}
