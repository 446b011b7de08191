import Glibc

/// An exclusive lock on a data folder's `serve.lock` file (`flock`), held by `serve` for
/// its whole life. The ledger keeps its head in memory and assumes it is the only writer:
/// commands that append outside the server (`inspector add`, `inspector revoke`) take the
/// lock first, so they refuse to run beside a server instead of forking the log.
struct DataFolderLock {
    private let descriptor: Int32

    /// Takes the lock on `folder` (created if missing), or fails at once when another
    /// process holds it.
    init(folder: String) throws {
        if mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw UsageError(
                message: "cannot create \(folder): \(String(cString: strerror(errno)))")
        }
        let path = folder + "/serve.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw UsageError(message: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw UsageError(
                message: "a bsd-ledger process (serve?) is using \(folder); stop it first")
        }
        self.descriptor = descriptor
    }

    /// Releases the lock (the process's exit does too).
    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
