/// Who the emitter of a BSD is.
public enum EmitterType: String, CaseIterable, Sendable, JSONStringEnum {
    /// The producer of the waste.
    case producer = "PRODUCER"
    /// Another holder.
    case other = "OTHER"
    /// The container BSD of an annexe-1 collection round.
    case appendix1 = "APPENDIX1"
    /// One producer's item in an annexe-1 collection round.
    case appendix1Producer = "APPENDIX1_PRODUCER"
    /// A regroupement BSD carrying annexe-2 initial BSDs.
    case appendix2 = "APPENDIX2"
}

/// Whether a quantity was weighed or estimated.
public enum QuantityType: String, CaseIterable, Sendable, JSONStringEnum {
    /// Weighed.
    case real = "REAL"
    /// Estimated.
    case estimated = "ESTIMATED"
}

/// The physical state of the waste.
public enum Consistence: String, CaseIterable, Sendable, JSONStringEnum {
    /// Solid.
    case solid = "SOLID"
    /// Liquid.
    case liquid = "LIQUID"
    /// Gaseous.
    case gaseous = "GASEOUS"
    /// Doughy (pasty).
    case doughy = "DOUGHY"
}

/// How a transporter carries the waste.
public enum TransportMode: String, CaseIterable, Sendable, JSONStringEnum {
    /// By road.
    case road = "ROAD"
    /// By rail.
    case rail = "RAIL"
    /// By air.
    case air = "AIR"
    /// By inland waterway.
    case river = "RIVER"
    /// By sea.
    case sea = "SEA"
    /// Any other mode.
    case other = "OTHER"
}

/// The destination's decision on the waste it received.
public enum AcceptationStatus: String, CaseIterable, Sendable, JSONStringEnum {
    /// Fully accepted.
    case accepted = "ACCEPTED"
    /// Fully refused.
    case refused = "REFUSED"
    /// Partly refused; the rest is accepted.
    case partiallyRefused = "PARTIALLY_REFUSED"
}

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

/// A packaging type; `PIPELINE` is only read so that validation can refuse it.
public enum PackagingType: String, CaseIterable, Sendable, JSONStringEnum {
    /// Drum.
    case fut = "FUT"
    /// Intermediate bulk container.
    case grv = "GRV"
    /// Tank.
    case citerne = "CITERNE"
    /// Skip.
    case benne = "BENNE"
    /// Anything else, described in `other`.
    case autre = "AUTRE"
    /// Deprecated; replaced by `isDirectSupply`.
    case pipeline = "PIPELINE"
}

/// Why a tank was not washed out after unloading.
public enum CiterneNotWashedOutReason: String, CaseIterable, Sendable, JSONStringEnum {
    /// Exempted.
    case exempted = "EXEMPTED"
    /// Incompatible with washing.
    case incompatible = "INCOMPATIBLE"
    /// No washing station available.
    case unavailable = "UNAVAILABLE"
    /// Not done by the driver.
    case notByDriver = "NOT_BY_DRIVER"
}
