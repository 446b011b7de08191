import Glibc

/// A detached POSIX thread running a closure, for commands that need plain threads.
final class Thread: Sendable {
    private let body: @Sendable () -> Void

    init(_ body: @escaping @Sendable () -> Void) {
        self.body = body
    }

    func start() {
        var handle = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let code = pthread_create(
            &handle, nil,
            { raw in
                let thread = Unmanaged<Thread>.fromOpaque(raw!).takeRetainedValue()
                thread.body()
                return nil
            }, context)
        precondition(code == 0, "pthread_create failed: \(code)")
        pthread_detach(handle)
    }
}
