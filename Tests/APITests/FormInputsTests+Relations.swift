import Domain
import GraphQL
import Testing

@testable import API

/// The shared payloads and helpers.
private typealias Fixture = FormInputsFixture

@Suite struct FormInputsTransporterTests {
    private func base(_ ids: [String]) -> FormContent {
        var content = FormContent()
        content.transporters = ids.compactMap { Fixture.storedTransporters[$0] }
        return content
    }

    @Test func transporterAloneOnCreateMakesTheFirstTransporter() throws {
        let content = try Fixture.inputs.createContent([
            "transporter": ["company": ["siret": "38012986600040"], "numberPlate": "AB-1"]
        ])
        #expect(content.transporters.count == 1)
        #expect(content.transporters.first?.company?.siret == "38012986600040")
        #expect(content.transporters.first?.numberPlates == ["AB-1"])
    }

    @Test func transporterAloneMergesIntoTheFirstAndKeepsTheOthers() throws {
        let updated = try Fixture.inputs.updatedContent(
            ["transporter": ["numberPlate": "ZZ-999-ZZ", "customInfo": "Quai 4"]],
            base: base(["tr-road", "tr-rail"]))
        var first = try #require(Fixture.storedTransporters["tr-road"])
        first.numberPlates = ["ZZ-999-ZZ"]
        first.customInfo = "Quai 4"
        #expect(updated.transporters == [first, Fixture.storedTransporters["tr-rail"]])
    }

    @Test func transportersListReplacesTheChain() throws {
        let updated = try Fixture.inputs.updatedContent(
            ["transporters": ["tr-rail", "tr-road"]], base: base(["tr-road"]))
        #expect(
            updated.transporters == [
                Fixture.storedTransporters["tr-rail"], Fixture.storedTransporters["tr-road"],
            ])
    }

    @Test func listWinsAndTransporterMergesIntoItsFirst() throws {
        let updated = try Fixture.inputs.updatedContent(
            ["transporters": ["tr-rail", "tr-road"], "transporter": ["customInfo": "Wagon 7"]],
            base: base(["tr-road"]))
        var first = try #require(Fixture.storedTransporters["tr-rail"])
        first.customInfo = "Wagon 7"
        #expect(updated.transporters == [first, Fixture.storedTransporters["tr-road"]])
    }

    @Test func nullTransporterRemovesTheFirstUnlessTheListIsGiven() throws {
        let removed = try Fixture.inputs.updatedContent(
            ["transporter": .null], base: base(["tr-road", "tr-rail"]))
        #expect(removed.transporters == [Fixture.storedTransporters["tr-rail"]])
        let listed = try Fixture.inputs.updatedContent(
            ["transporters": ["tr-road"], "transporter": .null], base: base(["tr-rail"]))
        #expect(listed.transporters == [Fixture.storedTransporters["tr-road"]])
    }

    @Test func nullOrEmptyTransportersEmptiesTheChain() throws {
        let cleared = try Fixture.inputs.updatedContent(
            ["transporters": .null], base: base(["tr-road"]))
        #expect(cleared.transporters.isEmpty)
        let emptied = try Fixture.inputs.updatedContent(
            ["transporters": []], base: base(["tr-road"]))
        #expect(emptied.transporters.isEmpty)
    }

    @Test func unknownTransporterIdsAreIssuesAtTheirIndex() {
        let error = Fixture.refusal { () throws(APIError) in
            try Fixture.inputs.createContent([
                "transporters": ["tr-road", "nope", "tr-rail", "gone"]
            ])
        }
        #expect(error?.code == .badUserInput)
        #expect(Fixture.issues(error) == ["transporters.1 NOT_FOUND", "transporters.3 NOT_FOUND"])
    }

    @Test func forbiddenTransporterLookupIsThrownAsItIs() {
        let error = Fixture.refusal { () throws(APIError) in
            try Fixture.inputs.createContent(["transporters": ["locked"]])
        }
        #expect(error?.code == .forbidden)
    }

    @Test func standaloneTransporterInputIsReadUnderItsPath() throws {
        let read = try FormInputs.transporter(
            [
                "company": ["orgId": "DE811907980", "name": "Spedition Müller", "country": "DE"],
                "isExemptedOfReceipt": true, "mode": "ROAD", "numberPlate": "M-AB 1234",
            ], path: "input")
        #expect(read.company?.vatNumber == "DE811907980")
        #expect(read.company?.country == "DE")
        #expect(read.isExemptedOfReceipt)
        #expect(read.numberPlates == ["M-AB 1234"])
        let error = Fixture.refusal { () throws(APIError) in
            try FormInputs.transporter(
                ["mode": "TELEPORT", "validityLimit": "soon"], path: "input")
        }
        #expect(
            Fixture.issues(error) == [
                "input.validityLimit INVALID_DATE", "input.mode INVALID_VALUE",
            ])
    }

    @Test func blankNumberPlateMeansNoPlate() throws {
        let updated = try Fixture.inputs.updatedContent(
            ["transporter": ["numberPlate": "   "]], base: base(["tr-road"]))
        #expect(updated.transporters.first?.numberPlates == [])
        let cleared = try Fixture.inputs.updatedContent(
            ["transporter": ["numberPlate": .null]], base: base(["tr-road"]))
        #expect(cleared.transporters.first?.numberPlates == [])
    }
}

@Suite struct FormInputsGroupingTests {
    @Test func appendix2FormsBecomeFractionsWithoutQuantity() throws {
        let content = try Fixture.inputs.createContent([
            "emitter": ["type": "APPENDIX2"],
            "appendix2Forms": [["id": "form-a"], ["readableId": "BSD-20240106-E5F6G7H8"]],
        ])
        #expect(
            content.grouping == [
                GroupingFraction(formId: "form-a"), GroupingFraction(formId: "form-b"),
            ])
    }

    @Test func groupingKeepsQuantitiesWhenGiven() throws {
        let content = try Fixture.inputs.createContent([
            "grouping": [
                ["form": ["id": "form-a"], "quantity": 0.5],
                ["form": ["readableId": "BSD-20240106-E5F6G7H8"]],
            ]
        ])
        #expect(
            content.grouping == [
                GroupingFraction(formId: "form-a", quantity: Weight(grams: 500_000)),
                GroupingFraction(formId: "form-b"),
            ])
    }

    @Test func groupingReplacesAndNullClears() throws {
        var base = FormContent()
        base.grouping = [GroupingFraction(formId: "form-a")]
        let replaced = try Fixture.inputs.updatedContent(
            ["grouping": [["form": ["id": "form-b"], "quantity": 1]]], base: base)
        #expect(replaced.grouping == [GroupingFraction(formId: "form-b", quantity: .tonnes(1))])
        let cleared = try Fixture.inputs.updatedContent(["appendix2Forms": .null], base: base)
        #expect(cleared.grouping.isEmpty)
        let kept = try Fixture.inputs.updatedContent(["customId": "x"], base: base)
        #expect(kept.grouping == base.grouping)
    }

    @Test func bothGroupingListsConflict() {
        let error = Fixture.refusal { () throws(APIError) in
            try Fixture.inputs.createContent([
                "appendix2Forms": [["id": "form-a"]], "grouping": [["form": ["id": "form-b"]]],
            ])
        }
        #expect(Fixture.issues(error) == ["grouping CONFLICTING_FIELDS"])
    }

    @Test func unknownOrMissingInitialFormsAreIssues() {
        let error = Fixture.refusal { () throws(APIError) in
            try Fixture.inputs.createContent([
                "grouping": [
                    ["form": ["id": "form-a"], "quantity": -1], ["form": ["id": "nope"]],
                    ["quantity": 1],
                ]
            ])
        }
        #expect(
            Fixture.issues(error) == [
                "grouping.0.quantity INVALID_QUANTITY", "grouping.2.form REQUIRED",
                "grouping.1.form NOT_FOUND",
            ])
        let appendix = Fixture.refusal { () throws(APIError) in
            try Fixture.inputs.createContent(["appendix2Forms": [["readableId": "BSD-X"]]])
        }
        #expect(Fixture.issues(appendix) == ["appendix2Forms.0 NOT_FOUND"])
    }

    @Test func forbiddenInitialFormIsThrownAsItIs() {
        let error = Fixture.refusal { () throws(APIError) in
            try Fixture.inputs.createContent(["appendix2Forms": [["id": "locked"]]])
        }
        #expect(error?.code == .forbidden)
    }
}
