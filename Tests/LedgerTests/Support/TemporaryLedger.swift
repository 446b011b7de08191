import Foundation
import Ledger

/// A fresh folder under the system's temporary directory, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init() {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("bsd-ledger-test-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Helpers to build events in tests.
enum Sample {
    /// An event with a small canonical payload holding `value`.
    static func event(
        _ value: Int = 0, type: String = "SampleRecorded", id: EventID = .random(),
        metadata: EventMetadata = EventMetadata()
    ) -> NewEvent {
        NewEvent(
            id: id, type: type, payload: Array("{\"value\":\(value)}".utf8), metadata: metadata)
    }

    static func events(_ count: Int, startingAt first: Int = 0) -> [NewEvent] {
        (first..<first + count).map { event($0) }
    }
}

/// The path of the built `bsd-ledger` binary: `BSD_LEDGER_BIN`, else `.build/debug`.
enum BuiltBinary {
    static var path: String {
        if let path = ProcessInfo.processInfo.environment["BSD_LEDGER_BIN"] { return path }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/bsd-ledger").path
    }

    /// Runs the binary to completion and returns its exit status and standard output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
