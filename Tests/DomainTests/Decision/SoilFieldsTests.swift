import CanonicalJSON
import Domain
import Testing

/// The soil fields (analyses, land, upcycling parcels) and the transporter's contact at the
/// take-over are kept by the decisions and survive both codecs.
@Suite struct SoilFieldsTests {
    @Test func theFieldsReachTheStateThroughTheEvents() throws {
        let (world, id) = try Scenarios.upcycledSoil()
        let form = try #require(world.forms[id])
        #expect(form.status == .processed)
        #expect(form.content.wasteDetails.analysisReferences == ["ANA-2026-01", "ANA-2026-02"])
        #expect(form.content.wasteDetails.landIdentifiers == ["SIS-69-0042"])
        let company = try #require(form.content.transporters.first?.company)
        #expect(company.contact == "Claire Route")
        #expect(company.phone == "0611223344")
        #expect(company.mail == "claire@transport.example")
        let processing = try #require(form.processing)
        #expect(processing.isUpcycled == true)
        #expect(processing.destinationParcelInseeCodes == ["69123"])
        #expect(processing.destinationParcelNumbers == ["000-AB-12"])
        #expect(processing.destinationParcelCoordinates == ["45.75,4.85"])
    }

    @Test func bothCodecsAgreeOnTheNewMembers() throws {
        let (world, id) = try Scenarios.upcycledSoil()
        let form = try #require(world.forms[id])
        let waste = form.content.wasteDetails
        let processing = try #require(form.processing)
        #expect(CanonicalJSON.encode(waste) == CanonicalJSON.encode(waste.jsonValue))
        #expect(CanonicalJSON.encode(processing) == CanonicalJSON.encode(processing.jsonValue))
        let wasteBack = try CanonicalJSON.decode(
            WasteDetails.self, from: CanonicalJSON.encode(waste.jsonValue))
        #expect(wasteBack == waste)
        let processingBack = try CanonicalJSON.decode(
            Processing.self, from: CanonicalJSON.encode(processing.jsonValue))
        #expect(processingBack == processing)
        #expect(try Processing(jsonValue: processing.jsonValue) == processing)
    }

    @Test func aTakeOverWithoutContactLeavesTheCompanyAlone() throws {
        let (world, id) = try Scenarios.direct()
        let company = try #require(world.forms[id]?.content.transporters.first?.company)
        #expect(company == Fixtures.transporter(Fixtures.transporterSiret).company)
    }
}
