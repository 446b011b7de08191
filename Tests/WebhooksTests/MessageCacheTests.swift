import Ledger
import Projections
import Testing

@testable import Webhooks

@Suite struct MessageCacheTests {
    private func ledgerWithForms(_ folder: TemporaryFolder) throws -> Ledger {
        var options = LedgerOptions()
        options.durability = .noSync
        let ledger = try ProjectionRebuilder.openLedger(path: folder.path, options: options)
        var generator = WorkloadGenerator(seed: 8, companies: 6)
        _ = try generator.run(commands: 300, on: FormCommands(ledger: ledger))
        return ledger
    }

    @Test func sharedMessagesEqualThoseWorkedOutAloneForEveryCompanyAndBodyForm() throws {
        let folder = TemporaryFolder()
        let ledger = try ledgerWithForms(folder)
        defer { ledger.close() }
        let events = try ledger.readAll(after: 0, limit: 10_000)
        var companies: Set<String> = ["00000000000000"]
        for event in events {
            companies.formUnion(
                try EventAudience.read(event, ledger: ledger)?.audience.readers ?? [])
        }
        #expect(companies.count > 3)
        let cache = MessageCache(ledger: ledger, cap: 256 * 1024, capacity: 64)
        var delivered = 0
        for event in events {
            for orgId in companies.sorted() {
                for kind in WebhookPayloadKind.allCases {
                    let alone = try WebhookMessage.make(
                        for: event, orgId: orgId, kind: kind, ledger: ledger, cap: 256 * 1024)
                    let shared = try cache.message(for: event, orgId: orgId, kind: kind)
                    #expect(shared?.body == alone?.body)
                    #expect(shared.map(\.webhookId) == alone.map(\.webhookId))
                    #expect(shared.map(\.position) == alone.map(\.position))
                    delivered += shared == nil ? 0 : 1
                }
            }
        }
        #expect(delivered > events.count)
        #expect(cache.count == 64)
    }

    @Test func everyEventGoesToTheReadersOfTheBSDAsThatEventLeftIt() throws {
        let folder = TemporaryFolder()
        let ledger = try ledgerWithForms(folder)
        defer { ledger.close() }
        let events = try ledger.readAll(after: 0, limit: 10_000)
        let history = FormHistory(ledger: ledger)
        let cache = MessageCache(ledger: ledger, cap: 256 * 1024, capacity: 16)
        var changedSince = 0
        for event in events where event.streamID.hasPrefix("form-") {
            let formId = String(event.streamID.dropFirst(5))
            let deleted = event.type == "FormDeleted"
            let then = try history.auditState(
                formId: formId, asOf: .position(event.position - (deleted ? 1 : 0)))
            let readers = try FormQueries(ledger: ledger).read { try $0.readers(of: then) }
            let now = try FormQueries(ledger: ledger).read { reader in
                try reader.state(formId).map { state in
                    var living = state
                    living.isDeleted = false
                    return try reader.readers(of: living)
                }
            }
            if now != readers { changedSince += 1 }
            for orgId in readers.union(now ?? []) {
                let message = try cache.message(for: event, orgId: orgId, kind: .thin)
                #expect((message != nil) == readers.contains(orgId), "\(event.position) \(orgId)")
            }
        }
        #expect(changedSince > 10, "the workload changes who may read its BSDs")
    }

    @Test func onlyEventsKnownToBeForOthersArePassedOver() throws {
        let folder = TemporaryFolder()
        let ledger = try ledgerWithForms(folder)
        defer { ledger.close() }
        let events = try ledger.readAll(after: 0, limit: 10_000)
        let cache = MessageCache(ledger: ledger, cap: 256 * 1024, capacity: 64)
        var readers: Set<String> = []
        for event in events.suffix(64) where readers.isEmpty {
            readers = try EventAudience.read(event, ledger: ledger)?.audience.readers ?? []
        }
        let orgId = try #require(readers.sorted().first)
        let unseen = cache.mayConcern(events[...], orgId: orgId)
        #expect(unseen == Array(repeating: true, count: events.count))
        var expected: [Bool] = []
        for event in events {
            _ = try cache.message(for: event, orgId: "00000000000000", kind: .thin)
            let mine = try WebhookMessage.make(
                for: event, orgId: orgId, kind: .thin, ledger: ledger, cap: 256 * 1024)
            expected.append(mine != nil)
        }
        // The last 64 looked at are held: exactly those for the company may concern it.
        let held = events.count - 64
        let concerned = cache.mayConcern(events[...], orgId: orgId)
        #expect(concerned[..<held].allSatisfy { $0 })
        #expect(Array(concerned[held...]) == Array(expected[held...]))
        #expect(expected[held...].contains(true) && expected[held...].contains(false))
    }

    @Test func anEnvelopeOverTheCapFallsBackToTheShortBody() throws {
        let folder = TemporaryFolder()
        let ledger = try ledgerWithForms(folder)
        defer { ledger.close() }
        let cache = MessageCache(ledger: ledger, cap: 64)
        let events = try ledger.readAll(after: 0, limit: 10_000)
        let event = try #require(
            try events.first { try EventAudience.read($0, ledger: ledger) != nil })
        let reader = try #require(
            try EventAudience.read(event, ledger: ledger)?.audience.readers.first)
        let thin = try cache.message(for: event, orgId: reader, kind: .thin)
        let envelope = try cache.message(for: event, orgId: reader, kind: .envelope)
        #expect(envelope?.body == thin?.body)
        let text = String(decoding: thin?.body ?? [], as: UTF8.self)
        #expect(text.hasPrefix(#"[{"action":"#))
    }
}
