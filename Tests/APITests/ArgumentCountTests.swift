import GraphQL
import Testing

@testable import API

/// Positions and sizes given as arguments: 0 or more, or a clear BAD_USER_INPUT.
@Suite struct ArgumentCountTests {
    @Test func aPositionOfZeroOrMoreIsRead() throws {
        #expect(try JSONObject(dictionaryLiteral: ("after", 0)).count("after", what: "x") == 0)
        #expect(try JSONObject(dictionaryLiteral: ("after", 42)).count("after", what: "x") == 42)
        #expect(try JSONObject().count("after", what: "x") == nil)
        #expect(
            try JSONObject(dictionaryLiteral: ("after", .null)).count("after", what: "x") == nil)
    }

    @Test func aNegativeOneIsBadInputNamingTheArgument() {
        let arguments: JSONObject = ["sinceSize": -1]
        do {
            _ = try arguments.count("sinceSize", what: "a tree size")
            Issue.record("a negative size was accepted")
        } catch {
            #expect(error.code == .badUserInput)
            #expect(error.message == "sinceSize is a tree size (0 or more).")
            #expect(error.issues.map(\.0) == ["sinceSize"])
            #expect(error.issues.map(\.1) == ["INVALID_VALUE"])
        }
    }
}
