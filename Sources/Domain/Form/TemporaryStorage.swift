/// The temporary-storage part of a BSD (the "suite"), kept inside the BSD's own stream so
/// that replaying the stream rebuilds it.
public struct TemporaryStorage: Hashable, Sendable {
    /// Reception and acceptance at the temporary storage site.
    public var reception = Reception()
    /// The final destination after storage (box 14).
    public var destination: Recipient?
    /// The transporter of the onward journey.
    public var transporter: Transporter?
    /// Waste details after repackaging, when they changed.
    public var wasteDetails: WasteDetails?
    /// The temporary storer's emission signature for the onward journey.
    public var emission: EmissionSignature?
    /// The onward transporter's take-over signature.
    public var transport: TransportSignature?

    /// An empty temporary storage record.
    public init() {}
}
