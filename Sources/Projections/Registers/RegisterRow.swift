import Domain

/// One BSD as a line of a company's register.
public struct RegisterRow: Sendable {
    /// The register's date for the line (reception for INCOMING, else pickup).
    public var date: Int64
    /// The BSD.
    public var state: FormState
    /// The register the line belongs to.
    public var type: RegisterType

    var content: FormContent { state.content }
    var waste: WasteDetails { state.content.wasteDetails }
    /// The first transporter.
    var transporter: Transporter? { state.content.transporters.first }
    /// The final reception (or the temporary storer's, when the waste is still there).
    var reception: Reception? { state.reception ?? state.temporaryStorage?.reception }

    /// Every cell, in ``RegisterColumns/all`` order.
    public var cells: [RegisterCell] { RegisterColumns.all.map { $0.value(self) } }
}
