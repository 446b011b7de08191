import Glibc

/// Why a private file could not be read or written: the operation, the path and the
/// system's reason.
public struct PrivateFileError: Error, Equatable, CustomStringConvertible {
    /// The system call that failed, or `size` for a file over the limit.
    public var operation: String
    /// The file.
    public var path: String
    /// The system's message.
    public var reason: String

    /// `operation path: reason`.
    public var description: String { "\(operation) \(path): \(reason)" }

    static func lastError(_ operation: String, _ path: String) -> PrivateFileError {
        PrivateFileError(
            operation: operation, path: path, reason: String(cString: strerror(errno)))
    }
}

/// A small file readable by its owner only (instance secrets, signing keys): created once,
/// whole or not at all, and durable before anyone relies on it.
public enum PrivateFile {
    /// The file's text, or nil when it does not exist.
    /// - Throws: ``PrivateFileError`` when it cannot be read or holds more than `limit` bytes.
    public static func read(_ path: String, limit: Int = 65_536) throws(PrivateFileError) -> String?
    {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw .lastError("open", path)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes {
                Glibc.read(descriptor, $0.baseAddress, 4096)
            }
            if count < 0 { throw .lastError("read", path) }
            if count == 0 { break }
            bytes += chunk[0..<count]
            if bytes.count > limit {
                throw PrivateFileError(
                    operation: "size", path: path, reason: "more than \(limit) bytes")
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Creates `path` with `contents` and mode 0600, unless it exists (then returns false):
    /// written and synced under a temporary name, then linked into place, so that two
    /// processes starting together keep one file and a crash leaves none half-written.
    public static func create(
        _ path: String, contents: String
    ) throws(PrivateFileError) -> Bool {
        let temporary = "\(path).tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if descriptor < 0 { throw .lastError("open", temporary) }
        defer { unlink(temporary) }
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == bytes.count, synced == 0 else { throw .lastError("write", temporary) }
        if link(temporary, path) != 0 {
            if errno == EEXIST { return false }
            throw .lastError("link", path)
        }
        syncFolder(of: path)
        return true
    }

    /// Whether group or others may read the file.
    public static func isShared(_ path: String) throws(PrivateFileError) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .lastError("stat", path) }
        return info.st_mode & 0o077 != 0
    }

    private static func syncFolder(of path: String) {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            .joined(separator: "/")
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
