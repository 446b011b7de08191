import Ledger
import Projections
import Testing

@testable import API

@Suite struct ChangeStreamTests {
    /// Reads positions from `stream` until one at `position` or beyond.
    static func collect(
        _ stream: AsyncThrowingStream<any Sendable, any Error>, upTo position: UInt64
    ) async throws -> [UInt64] {
        var positions: [UInt64] = []
        for try await event in stream {
            guard let change = event as? FormChange else { continue }
            positions.append(change.position)
            if change.position >= position { break }
        }
        return positions
    }

    static func everything(_ world: DispatchWorld) -> ChangeStream {
        ChangeStream(dispatcher: world.dispatcher, filter: { _ in true }, render: { $0 })
    }

    @Test func catchUpThenLiveHasNoGapAndNoRepeatUnderConcurrentWrites() async throws {
        let world = try DispatchWorld()
        try await world.run(60)
        let requests = (0..<120).map { _ in world.generator.next() }
        let commands = FormCommands(ledger: world.ledger)
        let writer = Task {
            for request in requests { _ = try await commands.execute(request) }
        }
        var streams: [AsyncThrowingStream<any Sendable, any Error>] = []
        for round in 0..<4 {
            // Join at different moments of the concurrent writes, each from another point.
            streams.append(Self.everything(world).events(after: UInt64(round * 7), tracker: nil))
            try await Task.sleep(for: .milliseconds(40))
        }
        try await writer.value
        let all = try world.formEventPositions()
        for (round, stream) in streams.enumerated() {
            let positions = try await Self.collect(stream, upTo: all.last ?? 0)
            #expect(positions == all.filter { $0 > UInt64(round * 7) }, "round \(round)")
        }
    }

    @Test func withoutAfterOnlyLaterChangesCome() async throws {
        let world = try DispatchWorld()
        try await world.run(20)
        let before = try world.formEventPositions().last ?? 0
        let stream = Self.everything(world).events(after: nil, tracker: nil)
        try await world.run(20)
        let all = try world.formEventPositions()
        let positions = try await Self.collect(stream, upTo: all.last ?? 0)
        #expect(positions == all.filter { $0 > before })
    }

    @Test func aClientThatStopsReadingIsEndedWithThePositionToResumeAfter() async throws {
        let world = try DispatchWorld(capacity: 4)
        let tracker = DeliveryTracker()
        let stream = Self.everything(world).events(after: nil, tracker: tracker)
        try await world.run(30)
        var handedOn: [UInt64] = []
        do {
            // No result is ever reported sent: they stay in flight and fill the bound.
            for try await event in stream { handedOn.append((event as! FormChange).position) }
            Issue.record("the stream ended without an error")
        } catch let error as SubscriberTooSlow {
            #expect(error.capacity == 4)
            #expect((1...4).contains(handedOn.count))
            #expect(error.lastDelivered == handedOn.last)
            #expect(error.graphQLExtensions?["resumeAfter"] == .int(Int(handedOn.last ?? 0)))
        }
        #expect(world.dispatcher.subscriberCount == 0)
    }

    @Test func aClientThatKeepsUpIsNeverEnded() async throws {
        let world = try DispatchWorld(capacity: 4)
        let tracker = DeliveryTracker()
        var iterator = Self.everything(world).events(after: nil, tracker: tracker)
            .makeAsyncIterator()
        let commands = FormCommands(ledger: world.ledger)
        var received: [UInt64] = []
        for _ in 0..<40 {
            let outcome = try await commands.execute(world.generator.next())
            for position in outcome.positions where try world.isFormEvent(position) {
                received.append((try await iterator.next() as! FormChange).position)
                #expect(received.last == position)
                tracker.delivered()
            }
        }
        #expect(received == (try world.formEventPositions()))
    }

    @Test func catchUpWaitsForTheClientAndGoesOnAsItReads() async throws {
        let world = try DispatchWorld()
        try await world.run(150)
        let all = try world.formEventPositions()
        #expect(all.count > ChangeStream.catchUpWindow)
        let tracker = DeliveryTracker()
        let stream = Self.everything(world).events(after: 0, tracker: tracker)
        let received = Received()
        let consumer = Task {
            for try await event in stream { await received.add((event as! FormChange).position) }
        }
        try await Task.sleep(for: .milliseconds(150))
        // Nothing was reported delivered: catch-up holds back after one window.
        #expect(await received.positions.count == ChangeStream.catchUpWindow)
        var acknowledged = 0
        for _ in 0..<2_000 where acknowledged < all.count {
            let count = await received.positions.count
            while acknowledged < count {
                tracker.delivered()
                acknowledged += 1
            }
            try await Task.sleep(for: .milliseconds(2))
        }
        #expect(await received.positions == all)
        consumer.cancel()
    }

    /// The positions a consumer task received.
    actor Received {
        var positions: [UInt64] = []
        func add(_ position: UInt64) { positions.append(position) }
    }

    @Test func endingTheStreamUnsubscribes() async throws {
        let world = try DispatchWorld()
        let stream = Self.everything(world).events(after: nil, tracker: nil)
        #expect(world.dispatcher.subscriberCount == 1)
        try await world.run(3)
        var iterator = stream.makeAsyncIterator()
        _ = try await iterator.next()
        _ = consume iterator
        _ = consume stream
        for _ in 0..<100 where world.dispatcher.subscriberCount > 0 {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(world.dispatcher.subscriberCount == 0)
    }
}
