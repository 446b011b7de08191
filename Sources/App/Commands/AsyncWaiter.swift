import Dispatch
import Synchronization

/// Runs async work from a command's synchronous `run()` and waits for its result.
enum AsyncWaiter {
    /// Runs `body` in a task, blocks the calling thread until it ends, and returns or
    /// rethrows what it did.
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let box = Mutex<Result<T, any Error>?>(nil)
        Task {
            let result: Result<T, any Error>
            do { result = .success(try await body()) } catch { result = .failure(error) }
            box.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return try box.withLock { $0! }.get()
    }
}
