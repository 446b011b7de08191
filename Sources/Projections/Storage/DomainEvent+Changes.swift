import Domain

extension DomainEvent {
    /// The content changes the event carries itself (updates, and signatures that complete
    /// the BSD); empty for the others, which leave the content as it was.
    var contentChanges: [FieldChange] {
        switch self {
        case .formUpdated(let event): event.changes
        case .emissionSigned(let event), .tempStorerEmissionSigned(let event): event.changes
        case .transportSigned(let event) where event.cascadedFrom == nil: event.changes
        default: []
        }
    }
}
