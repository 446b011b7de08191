import Testing

@testable import Webhooks

@Suite struct DeliveryStoreTests {
    @Test func cursorSurvivesClosingAndReopening() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/webhooks"
        let store = try DeliveryStore(path: path)
        #expect(try store.cursor("a") == nil)
        let cursor = EndpointCursor(position: 42, failures: 3, retryAt: 1_700_000_000_000_000)
        try store.save(cursor, for: "a")
        try store.save(EndpointCursor(position: 7), for: "b")
        store.close()
        let reopened = try DeliveryStore(path: path)
        defer { reopened.close() }
        #expect(try reopened.cursor("a") == cursor)
        #expect(try reopened.cursor("b") == EndpointCursor(position: 7))
    }

    @Test func failuresAreListedInPositionOrderAfterACursor() throws {
        let folder = TemporaryFolder()
        let store = try DeliveryStore(path: folder.path + "/webhooks")
        defer { store.close() }
        for position: UInt64 in [300, 5, 70, 256] {
            try store.record(
                WebhookFailure(
                    settingId: "s", position: position, webhookId: "msg_\(position)", formId: "f",
                    attempts: 8, lastStatus: 500, lastError: nil, failedAt: 1))
        }
        try store.record(
            WebhookFailure(
                settingId: "t", position: 6, webhookId: "msg_6", formId: "f", attempts: 1,
                lastStatus: nil, lastError: "Couldn't connect to server", failedAt: 2))
        #expect(try store.failures("s", after: 0, limit: 10).map(\.position) == [5, 70, 256, 300])
        #expect(try store.failures("s", after: 70, limit: 10).map(\.position) == [256, 300])
        #expect(try store.failures("s", after: 0, limit: 2).map(\.position) == [5, 70])
        #expect(try store.failureCount("t") == 1)
        #expect(try store.failure("t", at: 6)?.lastError == "Couldn't connect to server")
        try store.removeFailure("s", at: 70)
        #expect(try store.failures("s", after: 0, limit: 10).map(\.position) == [5, 256, 300])
    }
}
