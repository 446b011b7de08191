import Foundation

/// Reads a PDF's text back with poppler's `pdftotext` (Debian poppler-utils, installed by
/// tools/setup), a reader independent of libharu.
enum PdfText {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The text of every page of `pdf`, in reading order.
    static func extract(_ pdf: [UInt8]) throws -> String {
        try run(pdf, options: [])
    }

    /// The text of each page of `pdf` in content-stream order (`pdftotext -raw`), which also
    /// gives text drawn at an angle, such as the cancellation stamp, as its own line.
    static func rawPages(_ pdf: [UInt8]) throws -> [String] {
        var pages = try run(pdf, options: ["-raw"]).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true {
            pages.removeLast()
        }
        return pages
    }

    private static func run(_ pdf: [UInt8], options: [String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("bsd-ledger-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("bsd.pdf")
        try Data(pdf).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = options + ["-enc", "UTF-8", input.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "pdftotext exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The number of pages, counted from the page objects of the file.
    static func pageCount(_ pdf: [UInt8]) -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        return text.components(separatedBy: "/Type /Page\n").count - 1
            + text.components(separatedBy: "/Type /Page\r").count - 1
    }
}
