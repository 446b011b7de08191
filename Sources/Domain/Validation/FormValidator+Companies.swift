extension FormValidator {
    /// Checks box 1: identity rules relaxed for private individuals and foreign ships.
    func checkEmitter(
        _ emitter: Emitter, ecoOrganisme: EcoOrganisme?, into collector: inout IssueCollector
    ) {
        if isSealed { collector.require(emitter.type, "emitter.type") }
        let company = emitter.company ?? FormCompany()
        checkCompanyFormats(company, "emitter.company", into: &collector)
        if let omi = company.omiNumber, !Self.isOMINumber(omi) {
            collector.add("emitter.company.omiNumber", .invalidOmiNumber)
        }
        if let site = emitter.workSite {
            for (field, value) in [
                ("name", site.name), ("address", site.address), ("city", site.city),
                ("postalCode", site.postalCode),
            ] {
                collector.limit(value, 250, "emitter.workSite." + field)
            }
            collector.limit(site.infos, 500, "emitter.workSite.infos")
        }
        guard isSealed else { return }
        if emitter.isForeignShip {
            collector.require(company.omiNumber, "emitter.company.omiNumber")
            return
        }
        collector.require(company.name, "emitter.company.name")
        collector.require(company.address, "emitter.company.address")
        guard !emitter.isPrivateIndividual else { return }
        collector.require(company.siret, "emitter.company.siret")
        collector.require(company.contact, "emitter.company.contact")
        collector.require(company.phone, "emitter.company.phone")
        collector.require(company.mail, "emitter.company.mail")
    }

    /// Checks a company block: formats always, and when `required` the identity and contact
    /// fields (a SIRET, or a VAT number for a foreign company).
    func checkCompany(
        _ company: FormCompany?, _ prefix: String, required: Bool,
        into collector: inout IssueCollector
    ) {
        let company = company ?? FormCompany()
        checkCompanyFormats(company, prefix, into: &collector)
        guard required else { return }
        collector.require(company.name, path(prefix, "name"))
        if company.siret == nil && company.vatNumber == nil {
            collector.add(path(prefix, "siret"), .required)
        }
        collector.require(company.address, path(prefix, "address"))
        collector.require(company.contact, path(prefix, "contact"))
        collector.require(company.phone, path(prefix, "phone"))
        collector.require(company.mail, path(prefix, "mail"))
    }

    /// Format rules of a company block, whatever the level.
    func checkCompanyFormats(
        _ company: FormCompany, _ prefix: String, into collector: inout IssueCollector
    ) {
        if let siret = company.siret, !SIRET.isValid(siret) {
            collector.add(path(prefix, "siret"), .invalidSiret)
        }
        if let vat = company.vatNumber, !VATNumber.isValid(vat) {
            collector.add(path(prefix, "vatNumber"), .invalidVat)
        }
        if let mail = company.mail, !Self.looksLikeMail(mail) {
            collector.add(path(prefix, "mail"), .invalidMail)
        }
        for (field, value) in [
            ("name", company.name), ("address", company.address), ("contact", company.contact),
        ] {
            collector.limit(value, 250, path(prefix, field))
        }
        collector.limit(company.phone, 20, path(prefix, "phone"))
    }

    /// `OMI` followed by seven digits.
    static func isOMINumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && text.hasPrefix("OMI")
            && bytes[3...].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// One `@` with text on both sides and a dot in the domain, and no white space.
    static func looksLikeMail(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at != bytes.startIndex else {
            return false
        }
        let domain = bytes[bytes.index(after: at)...]
        guard !domain.contains(UInt8(ascii: "@")), domain.contains(UInt8(ascii: ".")),
            domain.first != UInt8(ascii: "."), domain.last != UInt8(ascii: ".")
        else { return false }
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return !bytes.contains { $0 == 0x20 || (0x09...0x0D).contains($0) }
        }
        return !text.contains(where: \.isWhitespace)
    }
}
