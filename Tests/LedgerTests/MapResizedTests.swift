import Foundation
import Ledger
import Testing

/// A reading process keeps working when a writing process grows the file past the reader's
/// map (LMDB's `MDB_MAP_RESIZED`), as `bsd-ledger verify` or `export` run beside a server.
@Suite struct MapResizedTests {
    @Test func aReaderTakesOnTheMapAnotherProcessGrew() throws {
        let folder = TemporaryFolder()
        var options = LedgerOptions()
        options.initialMapSize = 1 << 20
        let reader = try Ledger(path: folder.path, options: options)
        defer { reader.close() }
        let before = try reader.read { transaction throws(LedgerError) in
            try reader.headPosition(in: transaction)
        }
        // The child maps 16 GiB and writes several MiB: far past the reader's 1 MiB map.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: BuiltBinary.path)
        child.arguments = [
            "generate", "--data", folder.path, "--commands", "1500", "--durability", "noSync",
        ]
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        child.waitUntilExit()
        #expect(child.terminationStatus == 0)
        let after = try reader.read { transaction throws(LedgerError) in
            try reader.headPosition(in: transaction)
        }
        #expect(before == 0 && after > 1_500)
        let report = try reader.verify()
        #expect(report.problem == nil, "\(String(describing: report.problem))")
        #expect(report.eventsChecked == after)
    }
}
