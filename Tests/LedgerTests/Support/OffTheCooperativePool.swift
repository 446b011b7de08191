import Foundation

/// Runs blocking work (sleeps, waiting for a child process) on a thread of its own, so it
/// does not hold one of the few threads of Swift's cooperative pool that every other
/// concurrently running async test needs.
func offTheCooperativePool<T: Sendable>(
    _ body: @escaping @Sendable () throws -> T
) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.start()
    }
}
