/// The part a company plays on a BSD, named as in the `forms(roles:)` filter.
public enum FormRole: String, CaseIterable, Sendable {
    /// The emitter (box 1), and the temporary storer as emitter of the onward journey.
    case emitter = "EMITTER"
    /// The destination (box 2), the temporary storer and the final destination after it.
    case recipient = "RECIPIENT"
    /// Any transporter of the chain, or of the onward journey.
    case transporter = "TRANSPORTER"
    /// The trader.
    case trader = "TRADER"
    /// The broker.
    case broker = "BROKER"
    /// The eco-organisme.
    case ecoOrganisme = "ECO_ORGANISME"
    /// An intermediary.
    case intermediary = "INTERMEDIARY"

    /// The role's bit in a role mask.
    var bit: UInt8 { UInt8(1) << UInt8(Self.allCases.firstIndex(of: self)!) }

    /// The mask of a set of roles.
    static func mask(_ roles: some Sequence<FormRole>) -> UInt8 {
        roles.reduce(0) { $0 | $1.bit }
    }
}
