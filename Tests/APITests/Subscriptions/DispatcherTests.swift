import Domain
import Ledger
import Projections
import Testing

@testable import API

@Suite struct DispatcherTests {
    @Test func everyBSDEventReachesTheSubscriberOnceInCommitOrder() async throws {
        let world = try DispatchWorld()
        let registration = world.dispatcher.subscribe { _ in true }
        try await world.run(150)
        let expected = try world.formEventPositions()
        let changes = await DispatchWorld.drain(registration.mailbox, upTo: expected.last ?? 0)
        #expect(changes.map(\.position) == expected)
        var versions: [String: UInt64] = [:]
        for change in changes {
            // Each BSD's events come with consecutive stream versions from 0.
            #expect(change.entry.streamVersion == versions[change.formId, default: 0])
            versions[change.formId] = change.entry.streamVersion + 1
            let action: FormChangeAction =
                change.eventType == "FormDeleted"
                ? .deleted : change.entry.streamVersion == 0 ? .created : .updated
            #expect(change.action == action)
        }
        #expect(changes.contains { $0.action == .deleted })
    }

    @Test func readersOfEachBSDsLastChangeAreTheCompaniesTheProjectionShowsItTo() async throws {
        let world = try DispatchWorld(seed: 11)
        let registration = world.dispatcher.subscribe { _ in true }
        try await world.run(200)
        let changes = await DispatchWorld.drain(
            registration.mailbox, upTo: try world.formEventPositions().last ?? 0)
        var last: [String: FormChange] = [:]
        for change in changes { last[change.formId] = change }
        let queries = FormQueries(ledger: world.ledger)
        for (id, change) in last where change.action != .deleted {
            for siret in world.generator.sirets {
                let visible = try queries.form(id: id, companies: [siret]) != nil
                #expect(change.readerOrgIds.contains(siret) == visible, "\(id) \(siret)")
            }
        }
    }

    @Test func aCompanysSubscriberGetsOnlyTheChangesItsFilterAccepts() async throws {
        let world = try DispatchWorld()
        let all = world.dispatcher.subscribe { _ in true }
        let siret = world.generator.sirets[0]
        let company = world.dispatcher.subscribe { $0.readerOrgIds.contains(siret) }
        try await world.run(120)
        let last = try world.formEventPositions().last ?? 0
        let everything = await DispatchWorld.drain(all.mailbox, upTo: last)
        let expected = everything.filter { $0.readerOrgIds.contains(siret) }.map(\.position)
        #expect(!expected.isEmpty && expected.count < everything.count)
        var received: [UInt64] = []
        while received.count < expected.count,
            case .change(let change) = await company.mailbox
                .take()
        {
            received.append(change.position)
        }
        #expect(received == expected)
        #expect(company.mailbox.count == 0)
    }

    @Test func aSubscriberThatFallsBehindIsDroppedAndTheOthersGoOn() async throws {
        let world = try DispatchWorld(capacity: 5)
        let slow = world.dispatcher.subscribe { _ in true }
        let fast = world.dispatcher.subscribe { _ in true }
        let commands = FormCommands(ledger: world.ledger)
        var taken: [FormChange] = []
        for _ in 0..<30 {
            let outcome = try await commands.execute(world.generator.next())
            if let position = outcome.positions.last {
                taken += await DispatchWorld.drain(fast.mailbox, upTo: position)
            }
        }
        guard case .overflowed = await slow.mailbox.take() else {
            Issue.record("the slow subscriber was not ended")
            return
        }
        #expect(taken.map(\.position) == (try world.formEventPositions()))
        #expect(world.dispatcher.subscriberCount == 1)
    }

    @Test func stoppingFinishesEveryMailbox() async throws {
        let world = try DispatchWorld()
        let registration = world.dispatcher.subscribe { _ in true }
        world.dispatcher.stop()
        guard case .finished = await registration.mailbox.take() else {
            Issue.record("the mailbox did not finish")
            return
        }
        let late = world.dispatcher.subscribe { _ in true }
        guard case .finished = await late.mailbox.take() else {
            Issue.record("a subscriber joining after stop was not finished")
            return
        }
    }
}
