import Domain
import Projections
import Testing

@Suite struct ChangeFeedTests {
    @Test func pagingAfterEachCursorReturnsEveryVisibleEventOnceInOrder() throws {
        let world = try ProjectionWorld()
        _ = try world.sent("mine")
        try world.run(.create(Fixtures.content()), as: Fixtures.stranger, minute: 5, newId: "other")
        _ = try world.sent("second", minute: 10)
        let feed = ChangeFeed(ledger: world.ledger)
        var cursor: UInt64 = 0
        var seen: [UInt64] = []
        var pages = 0
        while true {
            let page = try feed.page(after: cursor, limit: 3, companies: [Fixtures.recipient])
            seen += page.events.map(\.position)
            cursor = page.cursor
            pages += 1
            if page.isAtHead { break }
        }
        #expect(pages > 2)
        #expect(seen == seen.sorted())
        #expect(Set(seen).count == seen.count)
        // The recipient reads both sent BSDs (4 events each), not the stranger's draft.
        #expect(seen.count == 8)
        let all = try world.ledger.readAll(after: 0)
        let visible = all.filter { $0.streamID == "form-mine" || $0.streamID == "form-second" }
        #expect(seen == visible.map(\.position))
        let last = try feed.page(after: cursor, limit: 3, companies: [Fixtures.recipient])
        #expect(last.events.isEmpty && last.isAtHead && last.cursor == cursor)
    }
}
