/// A payload that starts with an ``EventHeader``.
protocol HeaderedPayload {
    /// Which BSD, when, who.
    var header: EventHeader { get }
}

extension FormCreated: HeaderedPayload {}
extension FormUpdated: HeaderedPayload {}
extension StatusChanged: HeaderedPayload {}
extension EmissionSigned: HeaderedPayload {}
extension TransportSigned: HeaderedPayload {}
extension ReceptionSigned: HeaderedPayload {}
extension FormProcessed: HeaderedPayload {}
extension FormResealed: HeaderedPayload {}
extension FormLinked: HeaderedPayload {}
extension FormImportedFromPaper: HeaderedPayload {}
