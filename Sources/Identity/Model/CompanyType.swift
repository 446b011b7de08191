/// A company's activity profile; raw values are the API's enum values.
public enum CompanyType: String, CaseIterable, Sendable {
    /// Produces waste.
    case producer = "PRODUCER"
    /// Collects and groups waste (TTR).
    case collector = "COLLECTOR"
    /// Treats waste.
    case wasteProcessor = "WASTEPROCESSOR"
    /// Transports waste.
    case transporter = "TRANSPORTER"
    /// Handles end-of-life vehicles.
    case wasteVehicles = "WASTE_VEHICLES"
    /// A waste centre (déchetterie).
    case wasteCenter = "WASTE_CENTER"
    /// Trades waste.
    case trader = "TRADER"
    /// Brokers waste.
    case broker = "BROKER"
    /// An eco-organisme.
    case ecoOrganisme = "ECO_ORGANISME"
    /// A disposal facility.
    case disposalFacility = "DISPOSAL_FACILITY"
    /// A recovery facility.
    case recoveryFacility = "RECOVERY_FACILITY"
    /// Works on asbestos or similar sites.
    case worker = "WORKER"
    /// An intermediary.
    case intermediary = "INTERMEDIARY"
    /// A crematorium.
    case crematorium = "CREMATORIUM"
}
