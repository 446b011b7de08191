import Glibc
import Logging

/// Reading and creating a small file readable by its owner only.
enum SecretFile {
    /// The file's text, or nil when it does not exist.
    static func read(_ path: String) throws(IdentityError) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw failure("open", path)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes {
                Glibc.read(descriptor, $0.baseAddress, 4096)
            }
            if count < 0 { throw failure("read", path) }
            if count == 0 { break }
            bytes += chunk[0..<count]
            if bytes.count > 65_536 { throw .internalFailure("\(path) is too large") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Creates `path` with `contents` and mode 0600, unless it exists (then returns false).
    static func create(_ path: String, contents: String) throws(IdentityError) -> Bool {
        let temporary = "\(path).tmp-\(getpid())-\(Sodium.hex(Sodium.randomBytes(8)))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if descriptor < 0 { throw failure("open", temporary) }
        defer { unlink(temporary) }
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == bytes.count, synced == 0 else { throw failure("write", temporary) }
        if link(temporary, path) != 0 {
            if errno == EEXIST { return false }
            throw failure("link", path)
        }
        syncFolder(of: path)
        return true
    }

    /// Warns when group or others may read the file.
    static func checkMode(_ path: String, logger: Logger) throws(IdentityError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw failure("stat", path) }
        if info.st_mode & 0o077 != 0 {
            logger.warning(
                "Identity secrets readable by others; run chmod 600",
                metadata: ["identity.secrets.path": path])
        }
    }

    private static func syncFolder(of path: String) {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            .joined(separator: "/")
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func failure(_ operation: String, _ path: String) -> IdentityError {
        .internalFailure("\(operation) \(path): \(String(cString: strerror(errno)))")
    }
}
