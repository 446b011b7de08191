extension FormState {
    /// The transporter that holds the waste now: the last one that signed while the waste
    /// is in transit, or the onward transporter after temporary storage.
    public var currentTransporterOrgId: String? {
        switch status {
        case .sent:
            guard let last = transportSignatures.last,
                content.transporters.indices.contains(last.number - 1)
            else { return nil }
            return content.transporters[last.number - 1].company?.orgId
        case .resent:
            return temporaryStorage?.transporter?.company?.orgId
        default:
            return nil
        }
    }

    /// The transporter expected to sign next in the chain, while the waste waits for it or
    /// is in transit.
    public var nextTransporterOrgId: String? {
        guard [.sealed, .signedByProducer, .sent].contains(status) else { return nil }
        let index = transportSignatures.count
        guard content.transporters.indices.contains(index) else { return nil }
        return content.transporters[index].company?.orgId
    }
}
