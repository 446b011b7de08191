/// What a transporter gives when taking the waste over.
public struct SignTransportInput: Hashable, Sendable {
    /// When the waste was taken over.
    public var takenOverAt: Timestamp
    /// Who took it over.
    public var takenOverBy: String
    /// Plates, when not already on the BSD.
    public var numberPlates: [String]?
    /// Transport mode, when not already on the BSD.
    public var mode: TransportMode?
    /// The id of the transporter expected to sign (a segment's take-over names it); the
    /// signature is refused when another transporter's turn has come.
    public var transporterId: String?
    /// The signing transporter's contact person, phone and e-mail, when they change at
    /// the take-over (`transporterCompanyContact`, `…Phone`, `…Mail`).
    public var companyContact: String?
    /// See ``companyContact``.
    public var companyPhone: String?
    /// See ``companyContact``.
    public var companyMail: String?

    /// Makes an input with the two required fields.
    public init(takenOverAt: Timestamp, takenOverBy: String) {
        self.takenOverAt = takenOverAt
        self.takenOverBy = takenOverBy
    }
}
