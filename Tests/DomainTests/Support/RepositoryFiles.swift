#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and writes files of the repository for the catalogue tests (the tests, not the
/// domain, do I/O).
enum RepositoryFiles {
    /// The repository's root, found from this source file's path.
    static var root: String {
        let source = "\(#filePath)"
        guard let marker = source.firstRange(of: "/Tests/DomainTests/") else {
            preconditionFailure("unexpected test source path \(source)")
        }
        return String(source[..<marker.lowerBound])
    }

    /// The bytes of the file at `path` under the root, or nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        guard let handle = fopen(root + "/" + path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, handle)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }

    /// Writes `bytes` to the file at `path` under the root; false when it cannot.
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        guard let handle = fopen(root + "/" + path, "wb") else { return false }
        defer { fclose(handle) }
        return fwrite(bytes, 1, bytes.count, handle) == bytes.count
    }
}
