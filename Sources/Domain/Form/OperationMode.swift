/// The kind of a treatment mode, required for final operations.
public enum OperationMode: String, CaseIterable, Sendable, JSONStringEnum {
    /// Re-use.
    case reutilisation = "REUTILISATION"
    /// Recycling.
    case recyclage = "RECYCLAGE"
    /// Energy recovery.
    case valorisationEnergetique = "VALORISATION_ENERGETIQUE"
    /// Other recovery.
    case autresValorisations = "AUTRES_VALORISATIONS"
    /// Disposal.
    case elimination = "ELIMINATION"
}
