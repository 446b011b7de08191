import Foundation
import Glibc
import Ledger
import Testing

/// Small owner-only files: created once and whole, read back, their mode checked.
@Suite struct PrivateFileTests {
    @Test func theFirstCreationWinsAndTheFileIsTheOwnersOnly() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/secret"
        #expect(try PrivateFile.read(path) == nil)
        #expect(try PrivateFile.create(path, contents: "first"))
        #expect(try !PrivateFile.create(path, contents: "second"))
        #expect(try PrivateFile.read(path) == "first")
        #expect(try !PrivateFile.isShared(path))
        chmod(path, 0o644)
        #expect(try PrivateFile.isShared(path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["secret"])
    }

    @Test func aFileOverTheLimitIsRefused() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/big"
        #expect(try PrivateFile.create(path, contents: String(repeating: "x", count: 5_000)))
        #expect(throws: PrivateFileError.self) { try PrivateFile.read(path, limit: 4_096) }
        #expect(try PrivateFile.read(path)?.count == 5_000)
    }

    @Test func aMissingFolderIsReportedWithItsPath() {
        #expect {
            try PrivateFile.create("/nonexistent-folder/secret", contents: "x")
        } throws: { error in
            (error as? PrivateFileError)?.operation == "open"
        }
    }
}
