/// The cursor saves one endpoint worker handed in and has not yet seen durable, oldest
/// first. A worker may go on delivering while up to `window` acknowledgements wait for their
/// sync, so an endpoint is not held to one delivery per commit of the shared store.
struct CursorSaves {
    /// How many acknowledged deliveries may wait for their sync at once.
    let window: Int
    private var pending: [CursorSave] = []

    init(window: Int) {
        self.window = max(1, window)
    }

    /// How many saves are still followed.
    var count: Int { pending.count }

    /// Follows `save`, handed in after every save already followed.
    mutating func add(_ save: CursorSave) {
        pending.append(save)
    }

    /// Waits until fewer than `window` saves are outstanding; false when one failed.
    mutating func makeRoom() async -> Bool {
        pending.removeAll { $0.succeededAlready }
        while pending.count >= window {
            guard await pending.removeFirst().succeeded() else { return false }
        }
        return true
    }

    /// Waits until every save followed is durable; false when one failed.
    mutating func settle() async -> Bool {
        while !pending.isEmpty {
            guard await pending.removeFirst().succeeded() else { return false }
        }
        return true
    }
}
