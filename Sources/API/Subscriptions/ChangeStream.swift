import GraphQL
import Ledger

/// A subscription's source of changes: with `after`, first the log from that position up to
/// where the dispatcher stood when the subscriber joined, then the dispatcher's live changes
/// above it. Joining the dispatcher before reading the log is what leaves no gap, and the
/// joining position splitting the two parts is what leaves no duplicate.
struct ChangeStream: Sendable {
    /// Events read from the log per read transaction during catch-up.
    static let catchUpBatch = 256
    /// During catch-up, the most results handed on and not yet delivered to the client.
    static let catchUpWindow = 64

    let dispatcher: Dispatcher
    /// Which changes the subscriber receives (visibility).
    let filter: Dispatcher.Filter
    /// Turns a change into the event the GraphQL selection runs on.
    let render: @Sendable (FormChange) -> any Sendable

    /// The source stream: catch-up from `after` when given, then live. With a `tracker`,
    /// results not yet delivered by the transport count against the subscriber's bound.
    /// It ends with ``SubscriberTooSlow`` on overflow.
    func events(
        after: UInt64?, tracker: DeliveryTracker?
    ) -> AsyncThrowingStream<any Sendable, any Error> {
        let registration = dispatcher.subscribe(filter: filter)
        tracker?.attach(registration.mailbox)
        // Without `after`, "from now" is the ledger's head, which the dispatcher may still be
        // reaching; read after joining, so the changes between come and are skipped.
        let start = after ?? (try? dispatcher.ledger.head().position) ?? registration.position
        let (stream, continuation) = AsyncThrowingStream<any Sendable, any Error>.makeStream()
        let task = Task {
            do {
                try await run(registration, after: start, continuation)
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        let dispatcher = self.dispatcher
        continuation.onTermination = { _ in
            task.cancel()
            dispatcher.unsubscribe(registration.id)
        }
        return stream
    }

    private func run(
        _ registration: Dispatcher.Registration, after: UInt64,
        _ continuation: AsyncThrowingStream<any Sendable, any Error>.Continuation
    ) async throws {
        var delivered = after
        if after < registration.position {
            delivered = try await catchUp(
                from: after, to: registration.position, registration.mailbox, continuation)
        }
        let floor = max(after, registration.position)
        while !Task.isCancelled {
            switch await registration.mailbox.take() {
            case .change(let change):
                guard change.position > floor else { continue }
                registration.mailbox.handedOn()
                continuation.yield(render(change))
                delivered = change.position
            case .overflowed:
                throw SubscriberTooSlow(
                    capacity: registration.mailbox.capacity, lastDelivered: delivered)
            case .finished:
                return
            }
        }
    }

    /// Replays the log in `(start, end]` through the filter; returns the last position
    /// delivered.
    private func catchUp(
        from start: UInt64, to end: UInt64, _ mailbox: ChangeMailbox,
        _ continuation: AsyncThrowingStream<any Sendable, any Error>.Continuation
    ) async throws -> UInt64 {
        var builder = FormChangeBuilder(ledger: dispatcher.ledger)
        var cursor = start
        var delivered = start
        while cursor < end, !Task.isCancelled {
            let events = try dispatcher.ledger.readAll(
                after: cursor, limit: min(Self.catchUpBatch, Int(end - cursor)))
            guard !events.isEmpty else { break }
            for event in events {
                cursor = event.position
                guard let change = try builder.change(for: event), filter(change) else {
                    continue
                }
                guard await mailbox.waitForRoom(limit: Self.catchUpWindow) else {
                    return delivered
                }
                mailbox.handedOn()
                continuation.yield(render(change))
                delivered = change.position
            }
        }
        // Everything up to `end` has been looked at: resuming from there loses nothing.
        return cursor >= end ? end : delivered
    }
}
