import Ledger
import Testing

@testable import API

@Suite struct DispatcherStartTests {
    @Test func aServerWhoseDispatcherCannotFollowTheLedgerRefusesToStart() async throws {
        try await withAPIServer(start: false) { server, ledger in
            ledger.close()
            let error = #expect(throws: APIServerError.self) { try server.start() }
            guard case .dispatcher(.closed)? = error else {
                Issue.record(
                    "expected the dispatcher's ledger error, got \(String(describing: error))")
                return
            }
            #expect("\(error!)".contains("dispatcher could not follow the ledger"))
            #expect(server.port == 0, "nothing listens")
            #expect(server.dispatcher.subscriberCount == 0)
        }
    }
}
