import Domain

/// Writes the steps of each lifecycle path for one BSD, with companies drawn at random.
struct WorkloadScripts {
    let companies: WorkloadCompanies
    var random: SeededRandom

    private mutating func pick(_ list: [FormCompany]) -> FormCompany {
        list[Int(random.next() % UInt64(list.count))]
    }

    /// The steps of `path` for a BSD to be created with id `formId`; `spareId` names the
    /// second BSD of paths that make one (duplication).
    mutating func steps(
        _ path: WorkloadPath, formId: String, spareId: String
    ) -> [WorkloadFlight.Step] {
        let parties = Parties(
            emitter: pick(companies.producers), transporter: pick(companies.transporters),
            second: pick(companies.transporters), plant: pick(companies.plants),
            storer: pick(companies.storers),
            trader: random.next() % 4 == 0 ? pick(companies.traders) : nil)
        let quantity = Int64(100_000 + random.next() % 20_000_000)
        let code = Self.wasteCodes[Int(random.next() % UInt64(Self.wasteCodes.count))]
        let script = WorkloadScript(
            parties: parties, formId: formId, spareId: spareId, quantity: quantity,
            wasteCode: code, customId: random.next() % 3 == 0 ? "REF-\(formId)" : nil)
        return script.steps(path)
    }

    /// Waste codes the workload uses: dangerous and not.
    static let wasteCodes = ["16 01 07*", "13 02 05*", "17 02 01", "15 01 01", "20 01 01"]
}

/// The companies of one generated BSD.
struct Parties {
    var emitter: FormCompany
    var transporter: FormCompany
    var second: FormCompany
    var plant: FormCompany
    var storer: FormCompany
    var trader: FormCompany?
}
