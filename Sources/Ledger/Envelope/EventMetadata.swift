/// Who and what caused an event; each member is optional.
public struct EventMetadata: Hashable, Sendable {
    /// Groups every event caused by one request or process.
    public var correlationID: String?
    /// The command or event that directly caused this one.
    public var causationID: String?
    /// The user on whose behalf the event was appended.
    public var actingUser: String?
    /// The company (SIRET or other id) on whose behalf the event was appended.
    public var actingCompany: String?

    /// Makes metadata; every member defaults to absent.
    public init(
        correlationID: String? = nil, causationID: String? = nil,
        actingUser: String? = nil, actingCompany: String? = nil
    ) {
        self.correlationID = correlationID
        self.causationID = causationID
        self.actingUser = actingUser
        self.actingCompany = actingCompany
    }
}
