import Identity
import Testing

@Suite struct CompanyCreationTests {
    @Test func creatorBecomesAdminAndACodeIsDrawn() async throws {
        let harness = try IdentityHarness()
        let userId = try await harness.signup("ada@example.org")
        let company = try await harness.company(
            by: userId, types: [.producer, .producer, .transporter])
        #expect(company.profile.orgId == Fixture.siret)
        #expect(company.profile.siret == Fixture.siret)
        #expect(company.profile.companyTypes == [.producer, .transporter])
        #expect(company.securityCode.count == 4)
        #expect((1000...9999).contains(Int(company.securityCode) ?? 0))
        let queries = harness.service.queries
        #expect(try queries.role(userId: userId, orgId: Fixture.siret) == .admin)
        #expect(
            try queries.myCompanies(userId: userId)
                == [Membership(userId: userId, orgId: Fixture.siret, role: .admin)])
        #expect(try queries.members(orgId: Fixture.siret).map(\.userId) == [userId])
    }

    @Test func sameSiretTwiceIsAConflict() async throws {
        let harness = try IdentityHarness()
        let userId = try await harness.signup("ada@example.org")
        _ = try await harness.company(by: userId)
        await #expect(throws: IdentityError.conflict(.companyExists(orgId: Fixture.siret))) {
            try await harness.company("123 456 780 00014", by: userId)
        }
    }

    @Test func invalidSiretAndBlankFieldsAreListed() async throws {
        let harness = try IdentityHarness()
        let userId = try await harness.signup("ada@example.org")
        await #expect(
            throws: IdentityError.invalidInput([
                InputIssue("companyInput.siret", .invalidSiret),
                InputIssue("companyInput.companyName", .required),
                InputIssue("companyInput.companyTypes", .required),
            ])
        ) {
            try await harness.service.createCompany(
                userId: userId, siret: "12345678000012", vatNumber: nil, companyName: "",
                address: "somewhere", companyTypes: [])
        }
    }

    @Test func foreignCompanyIsKeyedByItsVatNumber() async throws {
        let harness = try IdentityHarness()
        let userId = try await harness.signup("ada@example.org")
        let company = try await harness.service.createCompany(
            userId: userId, siret: nil, vatNumber: "be 0123.456.789", companyName: "Bruxelles SA",
            address: "Rue Neuve 1, Bruxelles", companyTypes: [.transporter])
        #expect(company.profile.orgId == Fixture.foreignVat)
        #expect(company.profile.vatNumber == Fixture.foreignVat)
        #expect(company.profile.siret == nil)
        #expect(try harness.service.queries.role(userId: userId, orgId: "BE0123456789") == .admin)
    }

    @Test func frenchVatOrNoIdentifierIsRefused() async throws {
        let harness = try IdentityHarness()
        let userId = try await harness.signup("ada@example.org")
        for (siret, vat, code) in [
            (nil, Fixture.frenchVat, InputCode.frenchVatNotAllowed),
            (nil, "XX123", InputCode.invalidVat),
            (nil, nil, InputCode.siretOrVatRequired),
            (Fixture.siret, Fixture.foreignVat, InputCode.siretOrVatRequired),
        ] as [(String?, String?, InputCode)] {
            let path = code == .siretOrVatRequired ? "companyInput.siret" : "companyInput.vatNumber"
            await #expect(throws: IdentityError.invalidInput([InputIssue(path, code)])) {
                try await harness.service.createCompany(
                    userId: userId, siret: siret, vatNumber: vat, companyName: "X",
                    address: "Y", companyTypes: [.producer])
            }
        }
    }

    @Test func transporterReceiptIsLinkedByAnAdmin() async throws {
        let harness = try IdentityHarness()
        let userId = try await harness.signup("ada@example.org")
        _ = try await harness.company(by: userId, types: [.transporter])
        let receipt = try await harness.service.createTransporterReceipt(
            userId: userId, receiptNumber: "REC-42", validityLimit: "2027-06-30", department: "2A")
        let updated = try await harness.service.updateCompany(
            userId: userId, orgId: Fixture.siret,
            changes: CompanyChanges(name: "Acme Transports", transporterReceiptId: receipt.id))
        #expect(updated.transporterReceipt == receipt)
        #expect(updated.profile.name == "Acme Transports")
        await #expect(throws: IdentityError.notFound(.transporterReceipt, id: "nope")) {
            try await harness.service.updateCompany(
                userId: userId, orgId: Fixture.siret,
                changes: CompanyChanges(transporterReceiptId: "nope"))
        }
    }

    @Test func receiptWithBadDateAndDepartmentIsRefused() async throws {
        let harness = try IdentityHarness()
        let userId = try await harness.signup("ada@example.org")
        await #expect(
            throws: IdentityError.invalidInput([
                InputIssue("input.validityLimit", .invalidDate),
                InputIssue("input.department", .invalidDepartment),
            ])
        ) {
            try await harness.service.createTransporterReceipt(
                userId: userId, receiptNumber: "R", validityLimit: "2027-02-29",
                department: "20")
        }
    }
}
