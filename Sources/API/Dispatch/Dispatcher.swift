import Ledger
import Logging
import Synchronization

/// Fans every committed change of a BSD out to the subscribers whose filter accepts it.
///
/// It follows the ledger with one ``Ledger/tail(after:batchSize:)`` after commit, never
/// inside the write path, so nothing is sent before it is durable, and one tail gives one
/// total order: every subscriber sees its changes in position order, hence each BSD's in
/// commit order. Each subscriber has its own bounded ``ChangeMailbox``; one that overflows
/// is dropped without slowing the others.
final class Dispatcher: Sendable {
    /// A subscriber's filter: whether a change goes to it.
    typealias Filter = @Sendable (FormChange) -> Bool

    /// What ``subscribe(filter:)`` gives back.
    struct Registration: Sendable {
        /// The subscriber's id, for ``unsubscribe(_:)``.
        let id: UInt64
        /// Where the changes arrive: every accepted change after `position`.
        let mailbox: ChangeMailbox
        /// The last position dispatched before the subscriber joined: changes up to it never
        /// reach the mailbox (catch-up reads them from the log), changes after it all do.
        let position: UInt64
    }

    private struct Subscriber {
        let filter: Filter
        let mailbox: ChangeMailbox
    }

    private struct Registry {
        var subscribers: [UInt64: Subscriber] = [:]
        var nextId: UInt64 = 0
        var position: UInt64 = 0
        var stopped = false
    }

    let ledger: Ledger
    let logger: Logger
    /// The capacity of each subscriber's mailbox.
    let capacity: Int
    /// Guards the subscribers and the last dispatched position, which change together.
    private let registry = Mutex(Registry())
    /// Guards the tailing task.
    private let task = Mutex<Task<Void, Never>?>(nil)

    /// Prepares a dispatcher over a ledger opened with the forms projection.
    /// - Parameter capacity: how many changes a subscriber may fall behind before it is ended.
    init(ledger: Ledger, logger: Logger, capacity: Int = 1_000) {
        self.ledger = ledger
        self.logger = logger
        self.capacity = capacity
    }

    /// Starts following the ledger from its current head.
    /// - Throws: the ledger's error when its head cannot be read.
    func start() throws(LedgerError) {
        let head = try ledger.head().position
        registry.withLock { $0.position = head }
        let tailing = Task { [self] in await follow(after: head) }
        task.withLock { $0 = tailing }
    }

    /// Stops following and ends every subscriber's mailbox.
    func stop() {
        task.withLock { $0?.cancel() }
        finishAll()
    }

    /// Adds a subscriber; it receives every change after the returned position that
    /// `filter` accepts. After ``stop()`` the mailbox is already finished.
    func subscribe(filter: @escaping Filter) -> Registration {
        let mailbox = ChangeMailbox(capacity: capacity)
        return registry.withLock { registry in
            registry.nextId += 1
            if registry.stopped {
                mailbox.finish()
            } else {
                registry.subscribers[registry.nextId] = Subscriber(filter: filter, mailbox: mailbox)
            }
            return Registration(id: registry.nextId, mailbox: mailbox, position: registry.position)
        }
    }

    /// Removes a subscriber and finishes its mailbox.
    func unsubscribe(_ id: UInt64) {
        let removed = registry.withLock { $0.subscribers.removeValue(forKey: id) }
        removed?.mailbox.finish()
    }

    /// The number of subscribers.
    var subscriberCount: Int { registry.withLock { $0.subscribers.count } }

    /// The last position dispatched.
    var position: UInt64 { registry.withLock { $0.position } }

    /// Offers `change` to every subscriber that accepts it, drops those that overflow, and
    /// records its position as dispatched.
    func dispatch(_ change: FormChange) {
        registry.withLock { registry in
            var overflowed: [UInt64] = []
            for (id, subscriber) in registry.subscribers where subscriber.filter(change) {
                if !subscriber.mailbox.offer(change) { overflowed.append(id) }
            }
            for id in overflowed { registry.subscribers[id] = nil }
            registry.position = change.position
        }
    }

    /// Records `position` as dispatched without a change (an event of another stream).
    func advance(to position: UInt64) {
        registry.withLock { $0.position = position }
    }

    /// Records `position` as dispatched when no one subscribes, and says whether it did: a
    /// change no one receives need not be built. One lock, so a subscriber joining now
    /// either sees the position advanced or gets the change.
    private func advanceIfUnwatched(to position: UInt64) -> Bool {
        registry.withLock { registry in
            guard registry.subscribers.isEmpty else { return false }
            registry.position = position
            return true
        }
    }

    private func follow(after head: UInt64) async {
        var builder = FormChangeBuilder(ledger: ledger)
        do {
            for try await event in ledger.tail(after: head) {
                if advanceIfUnwatched(to: event.position) { continue }
                do {
                    if let change = try builder.change(for: event) {
                        dispatch(change)
                        continue
                    }
                } catch {
                    logger.error(
                        "Dispatcher skipped an event it could not read",
                        metadata: [
                            "ledger.position": String(event.position),
                            "ledger.stream": event.streamID, "dispatch.error": "\(error)",
                        ])
                }
                advance(to: event.position)
            }
        } catch {
            logger.error("Dispatcher stopped reading", metadata: ["ledger.error": "\(error)"])
        }
        finishAll()
    }

    private func finishAll() {
        let mailboxes = registry.withLock { registry in
            registry.stopped = true
            defer { registry.subscribers = [:] }
            return registry.subscribers.values.map(\.mailbox)
        }
        for mailbox in mailboxes { mailbox.finish() }
    }
}
