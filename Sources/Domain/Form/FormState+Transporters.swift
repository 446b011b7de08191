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
        nextTransporterIndex.flatMap { content.transporters[$0].company?.orgId }
    }

    /// The chain index of the transporter whose turn it is, the first one without a
    /// signature, while the waste waits for it or is in transit; nil when none is left.
    public var nextTransporterIndex: Int? {
        guard [.sealed, .signedByProducer, .sent].contains(status) else { return nil }
        let index = transportSignatures.count
        return content.transporters.indices.contains(index) ? index : nil
    }

    /// The next transporter's company when it is ready to take the waste over: the one
    /// that can act now. A transporter not marked ready has nothing to do yet.
    public var readyTransporterOrgId: String? {
        guard let index = nextTransporterIndex, content.transporters[index].readyToTakeOver
        else { return nil }
        return content.transporters[index].company?.orgId
    }
}
