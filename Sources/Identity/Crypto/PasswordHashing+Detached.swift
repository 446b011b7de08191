import Dispatch

extension PasswordHashing {
    /// ``hash(_:)`` on a Dispatch worker: an argon2id hash takes tens of milliseconds and
    /// 64 MiB, which must not hold one of Swift concurrency's few cooperative threads.
    func hashDetached(_ password: String) async throws(IdentityError) -> String {
        let result = await Self.detached { () -> Result<String, IdentityError> in
            Result { () throws(IdentityError) -> String in try self.hash(password) }
        }
        return try result.get()
    }

    /// ``verify(_:against:)`` on a Dispatch worker, for the same reason.
    static func verifyDetached(_ password: String, against stored: String) async -> Bool {
        await detached { verify(password, against: stored) }
    }

    private static func detached<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: work())
            }
        }
    }
}
