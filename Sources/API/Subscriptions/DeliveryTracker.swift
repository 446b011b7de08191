import Synchronization

/// The transport's handle on one subscription's delivery: the transport calls
/// ``delivered()`` for each result it has sent, so the subscription's ``ChangeMailbox``
/// counts results in flight against its bound and paces catch-up. Passed to the
/// subscription resolver as the operation's root value.
final class DeliveryTracker: Sendable {
    /// Guards the mailbox, attached when the subscription starts.
    private let mailbox = Mutex<ChangeMailbox?>(nil)

    /// Makes a tracker not yet attached.
    init() {}

    /// Binds the tracker to the subscription's mailbox and turns delivery tracking on.
    func attach(_ mailbox: ChangeMailbox) {
        mailbox.trackDelivery()
        self.mailbox.withLock { $0 = mailbox }
    }

    /// One result was sent to the client.
    func delivered() {
        mailbox.withLock { $0 }?.delivered()
    }
}
