import Domain
import Glibc

/// The French wording of a BSD's values on its PDF: dates, tonnes, yes and no, the names of
/// the enumerations. Pure functions.
enum FrenchText {
    /// What an empty value shows.
    static let none = "—"

    /// `04/12/2026 10:56 UTC` (dates are stored in UTC; the PDF says so rather than guess
    /// the reader's time zone).
    static func dateTime(_ instant: Timestamp?) -> String {
        guard let parts = civil(instant) else { return none }
        return "\(parts.day) \(parts.time) UTC"
    }

    /// `04/12/2026`.
    static func day(_ instant: Timestamp?) -> String {
        civil(instant)?.day ?? none
    }

    /// The day and the hour of `instant` in UTC, by the C library's calendar.
    private static func civil(_ instant: Timestamp?) -> (day: String, time: String)? {
        guard let instant else { return nil }
        var seconds = time_t(instant.microseconds.dividedRoundingDown(by: 1_000_000))
        var fields = tm()
        guard gmtime_r(&seconds, &fields) != nil else { return nil }
        let day = "\(pad(fields.tm_mday))/\(pad(fields.tm_mon + 1))/\(fields.tm_year + 1900)"
        return (day, "\(pad(fields.tm_hour)):\(pad(fields.tm_min))")
    }

    private static func pad(_ value: Int32) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    /// Tonnes with a decimal comma and no trailing zeros: `1,25 t`, `0,000001 t`, `12 t`.
    static func tonnes(_ weight: Weight?) -> String {
        guard let grams = weight?.grams else { return none }
        let sign = grams < 0 ? "-" : ""
        let magnitude = grams.magnitude
        var fraction = String(magnitude % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = "\(sign)\(magnitude / 1_000_000)"
        return (fraction.isEmpty ? whole : "\(whole),\(fraction)") + " t"
    }

    /// "Oui", "Non", or the empty mark when unknown.
    static func yesNo(_ flag: Bool?) -> String {
        guard let flag else { return none }
        return flag ? "Oui" : "Non"
    }

    /// `text`, or the empty mark when it is nil or blank.
    static func value(_ text: String?) -> String {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return none }
        return text
    }

    /// The type of emitter, as the header's checkboxes name it.
    static func emitterType(_ type: EmitterType) -> String {
        switch type {
        case .producer: "Producteur du déchet"
        case .other: "Autre détenteur"
        case .appendix1: "Collecteur de tournée dédiée (annexe 1)"
        case .appendix1Producer: "Producteur d'une tournée dédiée (annexe 1)"
        case .appendix2: "Regroupement avec BSD annexés (annexe 2)"
        }
    }

    /// The physical state of the waste.
    static func consistence(_ consistence: Consistence) -> String {
        switch consistence {
        case .solid: "Solide"
        case .liquid: "Liquide"
        case .gaseous: "Gazeux"
        case .doughy: "Pâteux"
        }
    }

    /// One packaging line: `3 × Fût (200 l) — n° A1, A2`.
    static func packaging(_ packaging: Packaging) -> String {
        let name: String
        switch packaging.type {
        case .fut: name = "Fût"
        case .grv: name = "GRV (grand récipient vrac)"
        case .citerne: name = "Citerne"
        case .benne: name = "Benne"
        case .pipeline: name = "Conduite (pipeline)"
        case .autre: name = "Autre" + (packaging.other.map { " : \($0)" } ?? "")
        }
        var text = "\(packaging.quantity) × \(name)"
        if let volume = packaging.volume { text += " (\(volume) l)" }
        if !packaging.identificationNumbers.isEmpty {
            text += " — n° " + packaging.identificationNumbers.joined(separator: ", ")
        }
        return text
    }

    /// Whether a quantity was weighed or estimated.
    static func quantityType(_ type: QuantityType?) -> String {
        switch type {
        case .real: "réelle (pesée)"
        case .estimated: "estimée"
        case nil: "nature non précisée"
        }
    }

    /// The means of transport.
    static func transportMode(_ mode: TransportMode?) -> String {
        switch mode {
        case .road: "Route"
        case .rail: "Voie ferrée"
        case .air: "Voie aérienne"
        case .river: "Voie fluviale"
        case .sea: "Voie maritime"
        case .other: "Autre"
        case nil: none
        }
    }

    /// The destination's decision on the waste.
    static func acceptation(_ status: AcceptationStatus?) -> String {
        switch status {
        case .accepted: "Accepté en totalité"
        case .refused: "Refusé"
        case .partiallyRefused: "Refusé partiellement"
        case nil: none
        }
    }

    /// The kind of treatment.
    static func operationMode(_ mode: OperationMode?) -> String {
        switch mode {
        case .reutilisation: "Réutilisation"
        case .recyclage: "Recyclage"
        case .valorisationEnergetique: "Valorisation énergétique"
        case .autresValorisations: "Autres valorisations"
        case .elimination: "Élimination"
        case nil: none
        }
    }

    /// A treatment code with its label from the nomenclature: `R 1 — Utilisation …`.
    static func operation(_ code: String?) -> String {
        guard let code else { return none }
        guard let label = Nomenclatures.operation(code)?.label else { return code }
        return "\(code) — \(label)"
    }

    /// A waste code with its label from the nomenclature.
    static func wasteCode(_ code: String?) -> String {
        guard let code else { return none }
        guard let label = Nomenclatures.wasteLabel(code) else { return code }
        return "\(code) — \(label)"
    }
}

extension Int64 {
    /// Division rounding towards negative infinity, so instants before 1970 keep their day.
    fileprivate func dividedRoundingDown(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

extension FrenchText {
    /// The status of a BSD as the PDF's header states it.
    static func status(_ status: FormStatus) -> String {
        switch status {
        case .draft: "Brouillon"
        case .sealed: "Publié, en attente de signature de l'émetteur"
        case .signedByProducer: "Signé par l'émetteur, en attente d'enlèvement"
        case .sent: "Déchet en cours de transport"
        case .received: "Reçu, en attente d'acceptation"
        case .accepted: "Accepté, en attente de traitement"
        case .processed: "Traité"
        case .followedWithPnttd: "Traité, suivi par un document transfrontalier"
        case .awaitingGroup: "Traité, en attente de regroupement"
        case .grouped: "Regroupé"
        case .noTraceability: "Traité, rupture de traçabilité"
        case .refused: "Refusé"
        case .tempStored: "Reçu à l'entreposage provisoire"
        case .tempStorerAccepted: "Accepté à l'entreposage provisoire"
        case .resealed: "Entreposage provisoire : suite complétée"
        case .signedByTempStorer: "Signé par l'entreposage provisoire, en attente d'enlèvement"
        case .resent: "Déchet en cours de transport après entreposage provisoire"
        case .canceled: "Annulé"
        }
    }
}
