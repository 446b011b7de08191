import Testing

@testable import GraphQL

@Suite struct LexerAndParserTests {
    @Test func fieldLocationsCountLinesAndUnicodeColumns() throws {
        let document = try parse("# é comment\n{ dog }")
        guard case .operation(let operation) = document.definitions[0],
            case .field(let field) = operation.selectionSet.selections[0]
        else {
            Issue.record("expected one operation with a field")
            return
        }
        #expect(operation.location == SourceLocation(line: 2, column: 1))
        #expect(field.location == SourceLocation(line: 2, column: 3))
    }

    @Test func columnsAfterWideCharactersCountScalars() {
        do {
            _ = try parse("{ a(x: \"éé😀\") ~ }")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.category == .syntax)
            #expect(error.locations == [SourceLocation(line: 1, column: 15)])
        }
    }

    @Test func unicodeEscapesIncludingSurrogatePairsDecode() throws {
        let document = try parse(#"{ a(x: "\u00e9\u{1F600}\uD83D\uDE00") }"#)
        #expect(argumentString(document) == "é😀😀")
    }

    @Test func loneSurrogateEscapeIsRejectedAtTheBackslash() {
        #expect(throws: GraphQLError.self) { try parse(#"{ a(x: "\uD83D") }"#) }
        do {
            _ = try parse(#"{ a(x: "\uD83D") }"#)
        } catch {
            #expect(error.locations == [SourceLocation(line: 1, column: 9)])
        }
    }

    @Test func blockStringsDropCommonIndentationAndBlankEdges() throws {
        let source = "{ a(x: \"\"\"\n\n    first\n      second\n    \\\"\"\" third\n\n  \"\"\") }"
        let document = try parse(source)
        #expect(argumentString(document) == "first\n  second\n\"\"\" third")
    }

    @Test func parsesTypeSystemDefinitionsWithDescriptions() throws {
        let document = try parse(
            """
            "A dog" type Dog implements & Pet & Named @key { name(upper: Boolean = false): String }
            extend union U = | A | B
            directive @d(a: Int) repeatable on FIELD | QUERY
            """)
        #expect(document.definitions.count == 3)
        guard case .typeSystem(.type(let type)) = document.definitions[0],
            case .object(let interfaces, let fields) = type.kind
        else {
            Issue.record("expected an object type definition")
            return
        }
        #expect(type.description?.value == "A dog")
        #expect(interfaces.map(\.value) == ["Pet", "Named"])
        #expect(fields[0].arguments[0].defaultValue != nil)
    }

    @Test func variablesInConstantPositionsAreSyntaxErrors() {
        #expect(throws: GraphQLError.self) { try parse("query ($a: Int = $b) { f }") }
    }

    @Test func emptySelectionSetIsRejected() {
        do {
            _ = try parse("{ dog { } }")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.locations == [SourceLocation(line: 1, column: 9)])
        }
    }

    @Test func printerProducesTheCanonicalLayout() throws {
        let document = try parse(
            "query Q($a:[Int!]=[1]){dog(x:{b:\"s\",c:[1,2]})@skip(if:$a){...F ...on Dog{n}}}")
        let expected = """
            query Q($a: [Int!] = [1]) {
              dog(x: {b: "s", c: [1, 2]}) @skip(if: $a) {
                ...F
                ... on Dog {
                  n
                }
              }
            }
            """
        #expect(Printer.print(document) == expected)
        let reparsed = try parse(Printer.print(document))
        #expect(Printer.print(reparsed) == expected)
    }

    private func argumentString(_ document: Document) -> String? {
        guard case .operation(let operation) = document.definitions[0],
            case .field(let field) = operation.selectionSet.selections[0],
            case .string(let text, _) = field.arguments[0].value.kind
        else { return nil }
        return text
    }
}
