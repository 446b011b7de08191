import Glibc

/// Reading and creating the small key file, readable by its owner only.
enum KeyFile {
    /// The file's text, or nil when it does not exist.
    static func read(_ path: String) throws(AuditError) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw failure("open", path)
        }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, 4096) }
        guard count >= 0 else { throw failure("read", path) }
        return String(decoding: buffer[0..<count], as: UTF8.self)
    }

    /// Whether group or others may read the file.
    static func isShared(_ path: String) throws(AuditError) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { throw failure("stat", path) }
        return info.st_mode & 0o077 != 0
    }

    /// Creates `path` with `contents` and mode 0600, unless it exists (then returns false).
    static func create(_ path: String, contents: String) throws(AuditError) -> Bool {
        let temporary = "\(path).tmp-\(getpid())"
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
        return true
    }

    private static func failure(_ operation: String, _ path: String) -> AuditError {
        .keyFile(path: path, reason: "\(operation): \(String(cString: strerror(errno)))")
    }
}
