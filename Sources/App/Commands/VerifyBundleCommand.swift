import Audit
import Foundation

/// `bsd-ledger verify-bundle FILE --key KEY [--earlier-head HEAD.json]`: checks a history
/// bundle offline; KEY is the published key's JSON file, or its hexadecimal. Prints each
/// failure and exits 1 when there is one.
struct VerifyBundleCommand {
    let file: String
    let key: String
    let earlierHead: String?

    init(options: inout Options) throws {
        guard let key = try options.value("key") else {
            throw UsageError(message: "--key KEY is required (a key file or its hex)")
        }
        self.key = key
        earlierHead = try options.value("earlier-head")
        guard let file = options.positional() else {
            throw UsageError(message: "give the bundle's file")
        }
        self.file = file
        try options.finish()
    }

    func run() throws -> Int32 {
        let keyText =
            FileManager.default.fileExists(atPath: key)
            ? try String(contentsOfFile: key, encoding: .utf8) : key
        let verifyingKey = try VerifyingKey.parse(keyText)
        let earlier = try earlierHead.map { path in
            try SignedTreeHead(jsonText: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        let report = BundleVerifier(key: verifyingKey, earlierHead: earlier).verify(bytes)
        guard report.problems.isEmpty else {
            Output.line("FAILED: \(report.problems.count) problem(s)")
            for problem in report.problems { Output.line("  \(problem)") }
            return 1
        }
        let size = report.head.map { String($0.size) } ?? "?"
        Output.line(
            "OK: \(report.eventsChecked) events proven against the tree head of size \(size)"
                + (earlier.map { ", consistent with the earlier head of size \($0.size)" } ?? ""))
        return 0
    }
}
