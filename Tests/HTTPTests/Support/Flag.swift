import Synchronization

/// A flag one task sets and another checks.
final class Flag: Sendable {
    private let value = Atomic<Bool>(false)

    /// Sets the flag.
    func set() { value.store(true, ordering: .releasing) }

    /// True once set.
    var isSet: Bool { value.load(ordering: .acquiring) }
}

/// Carries a value that is not `Sendable` from one thread to another, for test clients
/// used by one thread at a time.
struct SendableBox<Value>: @unchecked Sendable {
    /// The value.
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
