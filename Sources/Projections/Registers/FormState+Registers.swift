import Domain

extension FormState {
    /// The register rows this BSD makes, as (company, register, date): none until the
    /// pickup is signed (reference §9), nor once deleted.
    func registerEntries(
        roles: [String: Set<FormRole>]
    ) -> [(orgId: String, type: RegisterType, date: Int64)] {
        guard exists, !isDeleted, let pickup = firstPickupAt?.microseconds else { return [] }
        var entries: [(String, RegisterType, Int64)] = []
        let received =
            (reception?.receivedAt ?? temporaryStorage?.reception.receivedAt)?.microseconds
        for (orgId, roleSet) in roles.sorted(by: { $0.key < $1.key }) {
            entries.append((orgId, .all, pickup))
            if roleSet.contains(.recipient) {
                entries.append((orgId, .incoming, received ?? pickup))
            }
            if roleSet.contains(.emitter) { entries.append((orgId, .outgoing, pickup)) }
            if roleSet.contains(.transporter) { entries.append((orgId, .transported, pickup)) }
            if roleSet.contains(.trader) || roleSet.contains(.broker) {
                entries.append((orgId, .managed, pickup))
            }
        }
        return entries
    }
}
