/// A transporter's receipt (récépissé), from which BSDs take their receipt fields.
public struct TransporterReceipt: Equatable, Sendable {
    /// The receipt's id.
    public var id: String
    /// The receipt number.
    public var receiptNumber: String
    /// The last day of validity, `YYYY-MM-DD`.
    public var validityLimit: String
    /// The department code of the prefecture that issued it.
    public var department: String

    /// Makes a receipt.
    public init(id: String, receiptNumber: String, validityLimit: String, department: String) {
        self.id = id
        self.receiptNumber = receiptNumber
        self.validityLimit = validityLimit
        self.department = department
    }
}
