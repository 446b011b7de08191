extension FormDecider {
    /// The ids of the linked BSDs a decision on `state` reads through
    /// ``DecisionContext/relatedForms``: annexe links of the BSD and of the command's content,
    /// the annexe-1 container, and the other regroupements of each annexe-2 initial BSD.
    ///
    /// The second hop needs the initial BSDs themselves, so call it again with what was
    /// loaded until it asks for nothing new.
    public static func relatedFormIds(
        _ command: FormCommand, state: FormState, loaded: [String: FormState]
    ) -> Set<String> {
        var ids = Set(state.content.grouping.map(\.formId))
        switch command {
        case .create(let content), .update(let content):
            ids.formUnion(content.grouping.map(\.formId))
        default:
            break
        }
        if let container = state.appendix1ContainerId {
            ids.insert(container)
            // A pickup adds the item's quantity to the container's: its other items count.
            if case .signTransport = command {
                ids.formUnion(loaded[container]?.content.grouping.map(\.formId) ?? [])
            }
        }
        for id in ids {
            for link in loaded[id]?.groupedIn ?? [] { ids.insert(link.formId) }
        }
        ids.remove(state.id)
        return ids
    }
}
