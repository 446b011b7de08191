import Testing

@testable import GraphQL

@Suite struct ValidationTests {
    let schema: GraphQLSchema

    init() throws {
        schema = try TestSchema.make()
    }

    func problems(_ source: String, limits: Limits = .unlimited) throws -> [GraphQLError] {
        validate(schema: schema, document: try parse(source), limits: limits)
    }

    @Test func validDocumentHasNoProblems() throws {
        #expect(
            try problems(
                "query Q($s: Size) { size(of: $s) pets { ...P } } fragment P on Dog { name }"
            ).isEmpty)
    }

    @Test func unknownFieldIsReportedAtTheField() throws {
        let found = try problems("{\n  pets { ... on Dog { meow } } }")
        #expect(found.count == 1)
        #expect(found.first?.locations == [SourceLocation(line: 2, column: 23)])
        #expect(found.first?.message.contains("meow") == true)
    }

    @Test func fragmentCycleNamesEverySpread() throws {
        let found = try problems(
            "{ pets { ...A } } fragment A on Dog { ...B } fragment B on Dog { ...A }")
        #expect(found.count == 1)
        #expect(found.first?.locations.count == 2)
    }

    @Test func conflictingAliasesAreReportedWithBothFields() throws {
        let found = try problems("{ pets { ... on Dog { x: name x: barks } } }")
        // Both the inline fragment and the enclosing selection see the pair, as in
        // graphql-core, so the conflict is reported once for each.
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.locations.count == 2 })
    }

    @Test func repeatedIdenticalFieldsConflictOncePerDifferentPartner() throws {
        let same = try problems("{ pets { ... on Cat { x: name x: name x: name } } }")
        #expect(same.isEmpty)
        let found = try problems("{ slow x: whoAmI x: whoAmI x: old x: whoAmI }")
        // Each of the three `x: whoAmI` conflicts with `x: old`, and only with it.
        #expect(found.count == 3)
        #expect(found.allSatisfy { $0.locations.count == 2 })
    }

    @Test func variableInWrongPositionNamesDefinitionAndUse() throws {
        let found = try problems("query ($s: String) { size(of: $s) }")
        #expect(found.count == 1)
        #expect(found.first?.locations.count == 2)
    }

    @Test func everyMissingPieceIsReported() throws {
        let found = try problems("query A { nope } query A { pet { __typename } } { slow }")
        // Duplicate name, lone anonymous, unknown field, missing required argument.
        #expect(found.count == 4)
        #expect(found.allSatisfy { $0.category == .validation })
    }

    @Test func nullableVariableCannotFillOneOfFieldEvenInFragments() throws {
        let direct = try problems("query ($n: String) { pet(by: {name: $n}) { __typename } }")
        #expect(direct.count == 1)
        let viaFragment = try problems(
            "query ($n: String) { ...F } fragment F on Query { pet(by: {name: $n}) { __typename } }"
        )
        #expect(viaFragment.count == 1)
        let nonNull = try problems("query ($n: String!) { pet(by: {name: $n}) { __typename } }")
        #expect(nonNull.isEmpty)
    }

    @Test func depthLimitIsEnforcedWithItsCode() throws {
        let found = try problems("{ pets { ... on Dog { name } } }", limits: Limits(maxDepth: 1))
        #expect(found.first?.extensions?["code"] == "TOO_DEEP")
    }

    @Test func aliasAndRootFieldLimitsAreEnforced() throws {
        let aliases = try problems("{ a: slow b: slow }", limits: Limits(maxAliases: 1))
        #expect(aliases.first?.extensions?["code"] == "TOO_MANY_ALIASES")
        let roots = try problems("{ slow whoAmI }", limits: Limits(maxRootFields: 1))
        #expect(roots.first?.extensions?["code"] == "TOO_MANY_ROOT_FIELDS")
    }

    @Test func sizeAndTokenLimitsStopParsing() {
        do {
            _ = try parse("{ slow }", limits: Limits(maxDocumentBytes: 4))
            Issue.record("expected a limit error")
        } catch {
            #expect(error.extensions?["code"] == "DOCUMENT_TOO_LARGE")
        }
        do {
            _ = try parse("{ a b c d }", limits: Limits(maxTokens: 3))
            Issue.record("expected a limit error")
        } catch {
            #expect(error.extensions?["code"] == "TOO_MANY_TOKENS")
        }
    }
}

@Suite struct ValidationErrorLimitTests {
    @Test func validationStopsReportingPastTheLimit() throws {
        let schema = try TestSchema.make()
        let document = try parse("{ a b c d e f }")
        let errors = validate(
            schema: schema, document: document, limits: Limits(maxValidationErrors: 3))
        #expect(errors.count == 4)
        #expect(errors.last?.extensions?["code"] == "TOO_MANY_ERRORS")
        #expect(errors.last?.message.contains("3 more") == true)
    }
}

@Suite struct DocumentDirectiveTests {
    @Test func requiredArgumentOfDirectiveDefinedInTheDocumentIsChecked() throws {
        let schema = try TestSchema.make()
        let document = try parse(
            "directive @mark(level: Int!, note: String = \"x\") on FIELD_DEFINITION\n"
                + "type Extra { a: Int @mark }")
        let errors = validate(schema: schema, document: document, limits: .unlimited)
        // Not executable, and @mark lacks its required `level`; `note` has a default.
        #expect(errors.count == 3)
    }
}
