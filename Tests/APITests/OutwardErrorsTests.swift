import GraphQL
import Logging
import Testing

@testable import API

@Suite struct OutwardErrorsTests {
    private func outward(_ error: GraphQLError) -> (GraphQLError, [LogRecord]) {
        let logs = InMemoryLogHandler()
        let result = OutwardErrors.outward(
            error, logger: Logger(label: "api", handler: logs), requestId: "r-9")
        return (result, logs.written)
    }

    @Test func documentProblemsBecomeBadUserInputKeepingTheLimitReason() {
        let (syntax, _) = outward(GraphQLError("Unexpected }", category: .syntax))
        #expect(syntax.extensions?["code"] == .string("BAD_USER_INPUT"))
        let (limit, _) = outward(
            GraphQLError("Too deep", extensions: ["code": "TOO_DEEP"], category: .limit))
        #expect(limit.extensions?["code"] == .string("BAD_USER_INPUT"))
        #expect(limit.extensions?["reason"] == .string("TOO_DEEP"))
    }

    @Test func unreportedResolverFailuresAreHiddenAndLogged() {
        let (hidden, logs) = outward(GraphQLError("MDB_CORRUPTED in /var/lib/secret path"))
        #expect(hidden.extensions == ["code": "INTERNAL_SERVER_ERROR"])
        #expect(!hidden.message.contains("MDB_CORRUPTED"))
        #expect(hidden.message.contains("r-9"))
        #expect(logs.first?.metadata["graphql.error"]?.contains("MDB_CORRUPTED") == true)
    }

    @Test func reportedAPICodesPassUnchanged() {
        let error = GraphQLError("No user", extensions: ["code": "NOT_FOUND"])
        let (same, logs) = outward(error)
        #expect(same == error)
        #expect(logs.isEmpty)
    }
}
