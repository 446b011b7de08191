/// The regulatory registers of reference §9 that BSDDs feed.
public enum RegisterType: String, CaseIterable, Sendable {
    /// Waste entering the company (destination, temporary storer), by reception date.
    case incoming = "INCOMING"
    /// Waste leaving the company (producer, temporary storer re-sending), by pickup date.
    case outgoing = "OUTGOING"
    /// Waste the company transported, by pickup date.
    case transported = "TRANSPORTED"
    /// Waste the company traded or brokered, by pickup date.
    case managed = "MANAGED"
    /// Every BSD naming the company, by pickup date.
    case all = "ALL"
}
