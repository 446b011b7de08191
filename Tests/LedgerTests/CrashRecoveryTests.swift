import Foundation
import Ledger
import TestSupport
import Testing

@Suite(.serialized) struct CrashRecoveryTests {
    /// Starts `bsd-ledger crash-writer`, kills it with SIGKILL after `delay`, and returns the
    /// (position, id) pairs it acknowledged on its stdout pipe.
    private func runAndKill(folder: String, after delay: Duration) throws -> [(UInt64, EventID)] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltBinary.path)
        process.arguments = ["crash-writer", "--data", folder, "--threads", "4"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        let collected = CollectedOutput()
        let reading = Thread { collected.data = pipe.fileHandleForReading.readDataToEndOfFile() }
        try process.run()
        reading.start()
        Thread.sleep(
            forTimeInterval: Double(delay.components.attoseconds) / 1e18
                + Double(delay.components.seconds))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        while !reading.isFinished { Thread.sleep(forTimeInterval: 0.005) }
        let lines = String(decoding: collected.data, as: UTF8.self).split(separator: "\n")
        // A line cut by the kill is not an acknowledgement; every complete one is.
        return lines.compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let position = UInt64(parts[0]),
                let id = EventID(String(parts[1]))
            else { return nil }
            return (position, id)
        }
    }

    @Test func everyAcknowledgedEventSurvivesSIGKILL() async throws {
        let folder = TemporaryFolder()
        var generator = SystemRandomNumberGenerator()
        var acknowledged = 0
        for _ in 0..<20 {
            let delay = Duration.milliseconds(Int.random(in: 40...300, using: &generator))
            let path = folder.path
            let pairs = try await onThread {
                try runAndKill(folder: path, after: delay)
            }
            acknowledged += pairs.count
            let ledger = try Ledger(path: folder.path)
            defer { ledger.close() }
            for (position, id) in pairs {
                let stored = try ledger.event(id: id)
                #expect(
                    stored?.position == position, "acknowledged event \(id) at \(position) lost")
            }
            let report = try ledger.verify()
            #expect(report.problem == nil, "\(String(describing: report.problem))")
            #expect(report.eventsChecked == (try ledger.head().position))
        }
        #expect(acknowledged > 100, "the writer acknowledged too few events to test anything")
    }
}

/// The bytes read from the child's pipe, written by the reading thread before it finishes.
private final class CollectedOutput: @unchecked Sendable {
    // Written once by the reading thread; read only after that thread has finished.
    var data = Data()
}
