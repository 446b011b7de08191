import Glibc

/// A private folder made with `mkdtemp` under `$TMPDIR` (or `/tmp`), removed with what it
/// holds by ``remove()``.
struct TemporaryFolder: Sendable {
    /// The folder's path.
    let path: String

    /// Makes a new empty folder, readable by this user only.
    /// - Throws: ``DownloadError/temporaryFolder(reason:)`` when `mkdtemp` fails.
    init(prefix: String) throws(DownloadError) {
        let root = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(root)/\(prefix)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) != nil }
        guard made else {
            throw .temporaryFolder(reason: String(cString: strerror(errno)))
        }
        path = String(
            decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The whole content of the file `name` in the folder.
    /// - Throws: ``DownloadError/read(path:reason:)`` when it cannot be read.
    func read(_ name: String) throws(DownloadError) -> [UInt8] {
        let file = path + "/" + name
        guard let handle = fopen(file, "rb") else {
            throw .read(path: file, reason: String(cString: strerror(errno)))
        }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            bytes.append(contentsOf: chunk[0..<count])
            if count < chunk.count { break }
        }
        guard ferror(handle) == 0 else {
            throw .read(path: file, reason: "read error")
        }
        return bytes
    }

    /// Removes the files directly in the folder, then the folder.
    func remove() {
        guard let directory = opendir(path) else { return }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { unlink(path + "/" + name) }
        }
        closedir(directory)
        rmdir(path)
    }
}
