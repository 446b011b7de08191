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
