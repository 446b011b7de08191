/// What the platform knows of a registered company, as far as BSD validation needs it.
/// The caller loads the profiles of the companies a BSD names into the decision context.
public struct CompanyProfile: Hashable, Sendable {
    /// A company's declared activities.
    public enum Kind: String, CaseIterable, Sendable {
        /// Produces waste.
        case producer = "PRODUCER"
        /// Collects and groups waste (TTR).
        case collector = "COLLECTOR"
        /// Treats waste.
        case wasteProcessor = "WASTEPROCESSOR"
        /// A waste centre (déchetterie).
        case wasteCenter = "WASTE_CENTER"
        /// A disposal facility.
        case disposalFacility = "DISPOSAL_FACILITY"
        /// Carries waste.
        case transporter = "TRANSPORTER"
        /// Trades waste.
        case trader = "TRADER"
        /// Brokers waste.
        case broker = "BROKER"
        /// An eco-organisme allowed on BSDDs.
        case ecoOrganisme = "ECO_ORGANISME"
    }

    /// The company's activities.
    public var kinds: Set<Kind>
    /// Whether a destination accepts dangerous waste (its sub-profile).
    public var acceptsDangerousWaste = false
    /// Whether a destination accepts non-dangerous waste (its sub-profile).
    public var acceptsNonDangerousWaste = false
    /// Whether the company has been dormant; dormant companies may not appear on a BSD.
    public var isDormant = false

    /// Makes a profile.
    public init(kinds: Set<Kind>) {
        self.kinds = kinds
    }

    /// The kinds that may receive waste as a destination.
    static let destinationKinds: Set<Kind> = [
        .collector, .wasteProcessor, .wasteCenter, .disposalFacility,
    ]
}
