import CanonicalJSON

/// A company as the projection keeps it.
public struct CompanyRecord: Equatable, Sendable {
    /// Its profile.
    public var profile: CompanyProfile
    /// The 4-digit security code.
    public var securityCode: String
    /// The linked transporter receipt, if any.
    public var transporterReceipt: TransporterReceipt?
    /// When it was created (µs).
    public var createdAt: Int64
}

extension CompanyRecord {
    var json: [UInt8] {
        CanonicalJSON.encode(
            [
                "profile": profile.jsonValue, "securityCode": .string(securityCode),
                "transporterReceipt": transporterReceipt?.jsonValue ?? .null,
                "createdAt": .int(createdAt),
            ] as JSONValue)
    }

    init(json bytes: [UInt8]) throws(JSONError) {
        let json = try Fields(bytes: bytes)
        self.init(
            profile: try CompanyProfile(json: try json.object("profile")),
            securityCode: try json.string("securityCode"),
            transporterReceipt: json.has("transporterReceipt")
                ? try TransporterReceipt(json: try json.object("transporterReceipt")) : nil,
            createdAt: try json.int("createdAt"))
    }
}
