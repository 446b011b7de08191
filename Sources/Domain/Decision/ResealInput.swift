/// The onward journey after temporary storage.
public struct ResealInput: Hashable, Sendable {
    /// The final destination; defaults to the one planned at creation.
    public var destination: Recipient?
    /// The onward transporter.
    public var transporter: Transporter?
    /// Waste details after repackaging.
    public var wasteDetails: WasteDetails?

    /// An empty input.
    public init() {}
}
