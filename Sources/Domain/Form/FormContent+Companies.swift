extension FormContent {
    /// The SIRET or VAT number of every company the content names: emitter, recipient,
    /// transporters, trader, broker, eco-organisme, intermediaries and the destination after
    /// a planned temporary storage.
    public var namedOrgIds: Set<String> {
        var companies: [FormCompany?] = [emitter.company, recipient.company]
        companies += transporters.map(\.company)
        companies += [trader?.company, broker?.company, temporaryStorageDestination?.company]
        companies += intermediaries.map { Optional($0) }
        var ids = Set(companies.compactMap { $0?.orgId })
        if let eco = ecoOrganisme?.siret { ids.insert(eco) }
        ids.remove("")
        return ids
    }
}
