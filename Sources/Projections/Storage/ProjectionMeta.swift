import Ledger

/// What the projection's `meta` database records: which slot is active and the version of
/// the code that filled it.
struct ProjectionMeta: Equatable {
    var active: ProjectionSlot
    var version: Int

    private static let activeKey = Array("active".utf8)
    private static let versionKey = Array("version".utf8)

    /// The recorded meta, or nil for a projection never built.
    static func read(
        _ transaction: Transaction, _ database: Database
    ) throws(LedgerError) -> ProjectionMeta? {
        guard let active = try transaction.get(database, activeKey),
            let slot = ProjectionSlot(rawValue: String(decoding: active, as: UTF8.self)),
            let version = try transaction.get(database, versionKey),
            let number = Int(String(decoding: version, as: UTF8.self))
        else { return nil }
        return ProjectionMeta(active: slot, version: number)
    }

    /// Records this meta in `transaction`.
    func write(_ transaction: Transaction, _ database: Database) throws(LedgerError) {
        try transaction.put(database, Self.activeKey, Array(active.rawValue.utf8))
        try transaction.put(database, Self.versionKey, Array(String(version).utf8))
    }
}
