import Domain
import Identity
import Testing

@testable import API

/// The permission rules of ``FormAccess`` on hand-made BSD states, for the cases the HTTP
/// matrix does not reach: temporary storage, eco-organismes, unknown steps.
@Suite struct FormAccessTests {
    static let emitter = "12345678000014"
    static let recipient = "98765432100015"
    static let transporter = "55555555000014"
    static let onward = "44444444000010"
    static let destination = "22222222000014"
    static let eco = "77777777000010"

    static func company(_ siret: String) -> FormCompany {
        FormCompany(siret: siret, name: "Société \(siret.prefix(3))")
    }

    /// A BSD through temporary storage in `status`, created by the emitter.
    static func state(_ status: FormStatus) -> FormState {
        var state = FormState(id: "f1")
        state.exists = true
        state.status = status
        state.createdBy = Actor(userId: "u", companyOrgId: emitter)
        state.content.emitter.company = company(emitter)
        state.content.recipient.company = company(recipient)
        state.content.recipient.isTempStorage = true
        var first = Transporter()
        first.company = company(transporter)
        state.content.transporters = [first]
        state.content.ecoOrganisme = EcoOrganisme(name: "Eco", siret: eco)
        var storage = TemporaryStorage()
        var final = Recipient()
        final.company = company(destination)
        storage.destination = final
        var next = Transporter()
        next.company = company(onward)
        storage.transporter = next
        state.temporaryStorage = status == .sealed ? nil : storage
        return state
    }

    @Test func theTemporaryStorerSignsTheOnwardEmissionNotTheProducer() {
        let resealed = Self.state(.resealed)
        #expect(
            FormAccess(roles: [Self.recipient: .member]).verdict(
                .signEmission(byEcoOrganisme: false), on: resealed)
                == .allowed(actingOrgId: Self.recipient))
        #expect(
            FormAccess(roles: [Self.emitter: .admin]).verdict(
                .signEmission(byEcoOrganisme: false), on: resealed)
                == .needsSecurityCode(orgId: Self.recipient))
    }

    @Test func theOnwardTransporterSignsAfterTheStorersEmission() {
        let state = Self.state(.signedByTempStorer)
        #expect(
            FormAccess(roles: [Self.onward: .driver]).verdict(.signTransport, on: state)
                == .allowed(actingOrgId: Self.onward))
        #expect(
            FormAccess(roles: [Self.transporter: .admin]).verdict(.signTransport, on: state)
                == .needsSecurityCode(orgId: Self.onward))
    }

    @Test func theFinalDestinationReceivesAfterTemporaryStorage() {
        let state = Self.state(.resent)
        #expect(
            FormAccess(roles: [Self.destination: .member]).verdict(.receive, on: state)
                == .allowed(actingOrgId: Self.destination))
        if case .forbidden = FormAccess(roles: [Self.recipient: .admin]).verdict(
            .receive, on: state)
        {
        } else {
            Issue.record("the temporary storer may not receive for the final destination")
        }
    }

    @Test func theStorerMayTreatAtOnceOnceItAccepted() {
        let state = Self.state(.tempStorerAccepted)
        #expect(
            FormAccess(roles: [Self.recipient: .member]).verdict(.process, on: state)
                == .allowed(actingOrgId: Self.recipient))
    }

    @Test func theEcoOrganismeSignsEmissionWhenItSaysSo() {
        let state = Self.state(.sealed)
        #expect(
            FormAccess(roles: [Self.eco: .member]).verdict(
                .signEmission(byEcoOrganisme: true), on: state)
                == .allowed(actingOrgId: Self.eco))
        #expect(
            FormAccess(roles: [Self.eco: .member]).verdict(
                .signEmission(byEcoOrganisme: false), on: state)
                == .needsSecurityCode(orgId: Self.emitter))
    }

    @Test func aDriverOnlyReadsAndTransports() {
        let state = Self.state(.sealed)
        let driver = FormAccess(roles: [Self.transporter: .driver])
        #expect(driver.verdict(.read, on: state) == .allowed(actingOrgId: Self.transporter))
        for action: FormAction in [.update(after: state.content), .delete, .duplicate, .seal] {
            if case .forbidden = driver.verdict(action, on: state) { continue }
            Issue.record("a driver may not \(action)")
        }
    }

    @Test func aStepWithNoCompanyIsForbiddenWithAReason() {
        var state = Self.state(.signedByProducer)
        state.content.transporters = []
        guard
            case .forbidden(let reason) = FormAccess(roles: [Self.emitter: .admin]).verdict(
                .signTransport, on: state)
        else {
            Issue.record("expected a refusal")
            return
        }
        #expect(reason.contains("transporter"))
    }

    @Test func creatingNeedsAMemberRoleInANamedCompany() {
        var content = FormContent()
        content.emitter.company = Self.company(Self.emitter)
        #expect(
            FormAccess(roles: [Self.emitter: .member]).verdict(
                .create(content), on: FormState()) == .allowed(actingOrgId: Self.emitter))
        if case .forbidden = FormAccess(roles: [Self.emitter: .reader]).verdict(
            .create(content), on: FormState())
        {
        } else {
            Issue.record("a READER may not create")
        }
        if case .forbidden = FormAccess(roles: [Self.recipient: .admin]).verdict(
            .create(content), on: FormState())
        {
        } else {
            Issue.record("a company not named may not create")
        }
    }

    @Test func aMemberWhoseRoleForbidsTheStepCannotUseTheCompanysCode() {
        let state = Self.state(.sealed)
        for role: Role in [.reader, .driver] {
            let member = FormAccess(roles: [Self.emitter: role])
            if case .forbidden = member.verdict(.signEmission(byEcoOrganisme: false), on: state) {
                continue
            }
            Issue.record("a \(role) of the emitter may not sign its emission, code or not")
        }
        #expect(
            FormAccess(roles: [Self.transporter: .driver]).verdict(
                .signEmission(byEcoOrganisme: false), on: state)
                == .needsSecurityCode(orgId: Self.emitter))
        let signed = Self.state(.signedByProducer)
        if case .forbidden = FormAccess(roles: [Self.transporter: .reader]).verdict(
            .signTransport, on: signed)
        {
        } else {
            Issue.record("a READER of the transporter may not sign its take-over")
        }
    }
}
