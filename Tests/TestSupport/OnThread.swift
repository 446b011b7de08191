import Glibc

/// Runs blocking `body` on a thread of its own and awaits its result, so that blocking
/// socket calls never hold one of the concurrency pool's few threads, which the server under
/// test needs to run its handlers.
public func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let job = BlockingJob { continuation.resume(with: Result { try body() }) }
        var thread = pthread_t()
        let code = pthread_create(
            &thread, nil,
            { raw in
                Unmanaged<BlockingJob>.fromOpaque(raw!).takeRetainedValue().run()
                return nil
            }, Unmanaged.passRetained(job).toOpaque())
        precondition(code == 0, "pthread_create failed: \(code)")
        pthread_detach(thread)
    }
}

private final class BlockingJob: Sendable {
    let run: @Sendable () -> Void

    init(_ run: @escaping @Sendable () -> Void) {
        self.run = run
    }
}
