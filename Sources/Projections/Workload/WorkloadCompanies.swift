import Domain

/// The companies of a generated workload: producers, transporters, treatment plants,
/// temporary storers and traders, each with a valid SIRET and a user.
struct WorkloadCompanies {
    var producers: [FormCompany] = []
    var transporters: [FormCompany] = []
    var plants: [FormCompany] = []
    var storers: [FormCompany] = []
    var traders: [FormCompany] = []

    /// `count` companies split between the five kinds, drawn from `random`.
    init(count: Int, random: inout SeededRandom) {
        let perKind = max(1, count / 5)
        let towns = ["Lyon", "Lille", "Nantes", "Rennes", "Metz", "Dijon", "Rouen", "Nîmes"]
        func make(_ prefix: String, _ index: Int) -> FormCompany {
            let town = towns[Int(random.next() % UInt64(towns.count))]
            return FormCompany(
                siret: Self.siret(&random), name: "\(prefix) \(town) \(index + 1)",
                address: "\(index + 3) rue des Tanneurs, \(town)", contact: "Camille",
                phone: "0102030405", mail: "contact\(index)@example.fr")
        }
        for index in 0..<perKind {
            producers.append(make("Usine", index))
            transporters.append(make("Transports", index))
            plants.append(make("Centre de traitement", index))
            storers.append(make("Entreposage", index))
            traders.append(make("Négoce", index))
        }
    }

    /// Every company, in a fixed order.
    var all: [FormCompany] { producers + transporters + plants + storers + traders }

    /// A Luhn-valid SIRET: 13 random digits and the check digit that fits.
    static func siret(_ random: inout SeededRandom) -> String {
        let body = (0..<13).map { _ in String(random.next() % 10) }.joined()
        for check in 0...9 where SIRET.isValid(body + String(check)) {
            return body + String(check)
        }
        preconditionFailure("some check digit always satisfies Luhn")
    }
}
