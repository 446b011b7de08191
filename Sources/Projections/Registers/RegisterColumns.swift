import Domain

/// The columns of a BSDD register (the main ones of reference §9), in order, each with the
/// way to read it from a BSD's state.
public enum RegisterColumns {
    /// One column: its header and its value for a row.
    public struct Column: Sendable {
        /// The header, in French as in the regulation's registers.
        public let label: String
        let value: @Sendable (RegisterRow) -> RegisterCell
    }

    /// Every column, in order.
    public static let all: [Column] = identity + parties + transport + outcome

    static let identity: [Column] = [
        Column(label: "Date") { .date($0.date) },
        Column(label: "N° de bordereau") { .text($0.state.readableId) },
        Column(label: "Type de bordereau") { _ in .text("BSDD") },
        Column(label: "Statut") { .text($0.state.status.rawValue) },
        Column(label: "Date de création") { .date($0.state.createdAt.microseconds) },
        Column(label: "Date de modification") { .date($0.state.updatedAt.microseconds) },
        Column(label: "Code du déchet") { .text($0.waste.code) },
        Column(label: "Dénomination du déchet") { .text($0.waste.name) },
        Column(label: "Déchet dangereux") {
            .flag($0.waste.isDangerous ?? $0.waste.code?.hasSuffix("*"))
        },
        Column(label: "POP") { .flag($0.waste.pop) },
        Column(label: "Quantité (t)") { .tonnes($0.waste.quantity?.grams) },
        Column(label: "Type de quantité") { .text($0.waste.quantityType?.rawValue) },
    ]

    static let parties: [Column] = [
        Column(label: "Expéditeur SIRET") { .text($0.content.emitter.company?.orgId) },
        Column(label: "Expéditeur raison sociale") { .text($0.content.emitter.company?.name) },
        Column(label: "Expéditeur adresse") { .text($0.content.emitter.company?.address) },
        Column(label: "Éco-organisme SIRET") { .text($0.content.ecoOrganisme?.siret) },
        Column(label: "Négociant SIRET") { .text($0.content.trader?.company?.orgId) },
        Column(label: "Négociant raison sociale") { .text($0.content.trader?.company?.name) },
        Column(label: "Courtier SIRET") { .text($0.content.broker?.company?.orgId) },
        Column(label: "Courtier raison sociale") { .text($0.content.broker?.company?.name) },
        Column(label: "Destination SIRET") { .text($0.content.recipient.company?.orgId) },
        Column(label: "Destination raison sociale") { .text($0.content.recipient.company?.name) },
        Column(label: "Destination adresse") { .text($0.content.recipient.company?.address) },
        Column(label: "CAP") { .text($0.content.recipient.cap) },
        Column(label: "Destination finale SIRET") {
            .text(
                ($0.state.temporaryStorage?.destination ?? $0.content.temporaryStorageDestination)?
                    .company?.orgId)
        },
    ]

    static let transport: [Column] = [
        Column(label: "Date d'enlèvement") { .date($0.state.firstPickupAt?.microseconds) },
        Column(label: "Transporteur SIRET") { .text($0.transporter?.company?.orgId) },
        Column(label: "Transporteur raison sociale") { .text($0.transporter?.company?.name) },
        Column(label: "Transporteur mode") { .text($0.transporter?.mode.map(Self.frenchMode)) },
        Column(label: "Transporteur exemption de récépissé") {
            .flag($0.transporter?.isExemptedOfReceipt)
        },
        Column(label: "Transporteur récépissé") { .text($0.transporter?.receipt) },
        Column(label: "Transporteur immatriculations") {
            .text($0.transporter.map { $0.numberPlates.joined(separator: ", ") })
        },
        Column(label: "Nombre de transporteurs") { .text(String($0.content.transporters.count)) },
        Column(label: "Mention ADR") { .text($0.waste.onuCode) },
        Column(label: "Mention RID/ADN/IMDG") { .text($0.waste.nonRoadRegulationMention) },
    ]

    static let outcome: [Column] = [
        Column(label: "Date de réception") { .date($0.reception?.receivedAt?.microseconds) },
        Column(label: "Statut d'acceptation") { .text($0.reception?.acceptationStatus?.rawValue) },
        Column(label: "Quantité reçue (t)") { .tonnes($0.reception?.quantityReceived?.grams) },
        Column(label: "Quantité refusée (t)") { .tonnes($0.reception?.quantityRefused?.grams) },
        Column(label: "Quantité acceptée (t)") { .tonnes($0.reception?.quantityAccepted?.grams) },
        Column(label: "Code d'opération prévu") {
            .text($0.content.recipient.processingOperation.map(Self.compact))
        },
        Column(label: "Code d'opération réalisé") {
            .text($0.state.processing.map { Self.compact($0.operationDone) })
        },
        Column(label: "Mode de traitement") { .text($0.state.processing?.operationMode?.rawValue) },
        Column(label: "Date de traitement") {
            .date($0.state.processing?.processedAt.microseconds)
        },
        Column(label: "Rupture de traçabilité") { .flag($0.state.processing?.noTraceability) },
        Column(label: "Code d'opération ultérieure") {
            .text($0.state.processing?.nextDestination?.processingOperation.map(Self.compact))
        },
    ]

    /// An operation code without spaces: `R 1` → `R1`, `D 9 F` → `D9F`.
    static func compact(_ code: String) -> String {
        code.filter { $0 != " " }
    }

    /// Transport modes in French.
    static func frenchMode(_ mode: TransportMode) -> String {
        switch mode {
        case .road: "Route"
        case .rail: "Ferroviaire"
        case .air: "Aérien"
        case .river: "Fluvial"
        case .sea: "Maritime"
        case .other: "Autre"
        }
    }
}
