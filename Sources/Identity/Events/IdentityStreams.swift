import Ledger

/// Stream ids of the identity module.
public enum IdentityStreams {
    /// `user-<userId>`.
    public static func user(_ userId: String) -> String { "user-" + userId }
    /// `company-<orgId>` (a SIRET, or a cleaned VAT number).
    public static func company(_ orgId: String) -> String { "company-" + orgId }
    /// `transporter-receipt-<id>`.
    public static func transporterReceipt(_ id: String) -> String { "transporter-receipt-" + id }
    /// `email-<32 hex digits>`: a BLAKE2b-128 of the normalised email, since emails hold
    /// characters stream ids refuse. Unkeyed, so the stream survives a change of secrets.
    public static func email(_ normalisedEmail: String) -> String {
        "email-" + Hex.encode(Sodium.keyedHash(Array(normalisedEmail.utf8), key: [], length: 16))
    }
}
