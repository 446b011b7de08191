import Audit
import Foundation
import Ledger
import Logging

/// `bsd-ledger verify-consistency OLD_HEAD.json NEW_HEAD.json --data DIR`: checks both
/// heads' signatures with the folder's key, then that the log still holds the tree of the
/// old head as a prefix of the new one (an RFC 9162 consistency proof from the folder).
/// It writes nothing: a folder without a key fails instead of getting one.
struct VerifyConsistencyCommand {
    let folder: String
    let oldPath: String
    let newPath: String

    init(options: inout Options) throws {
        folder = try options.dataFolder()
        guard let oldPath = options.positional(), let newPath = options.positional() else {
            throw UsageError(message: "give the old head's file, then the new head's")
        }
        self.oldPath = oldPath
        self.newPath = newPath
        try options.finish()
    }

    func run() throws -> Int32 {
        let old = try Self.head(oldPath)
        let new = try Self.head(newPath)
        guard let key = try SigningKey.load(in: folder, logger: Logger.discarding(label: "key"))
        else {
            Output.line(
                "FAILED: no tree-head key in \(folder) (\(SigningKey.fileName) is absent), so the"
                    + " heads' signatures cannot be checked; this command creates none")
            return 1
        }
        var problems = [(oldPath, old), (newPath, new)].compactMap { path, head in
            head.problem(with: key.verifyingKey).map { "\(path): \($0)" }
        }
        if problems.isEmpty {
            problems += try consistency(old, new)
        }
        guard problems.isEmpty else {
            for problem in problems { Output.line("FAILED: \(problem)") }
            return 1
        }
        Output.line("OK: the tree of size \(old.size) is a prefix of the tree of size \(new.size)")
        return 0
    }

    private func consistency(_ old: SignedTreeHead, _ new: SignedTreeHead) throws -> [String] {
        guard old.size <= new.size else { return ["the old head is larger than the new one"] }
        let ledger = try Ledger(path: folder)
        defer { ledger.close() }
        let proof: ConsistencyProof
        do {
            proof = try ledger.consistencyProof(from: old.size, to: new.size)
        } catch .outsideTree(_, let available) {
            return ["the log holds \(available) events, fewer than the new head's \(new.size)"]
        }
        let holds = MerkleVerification.isConsistent(
            oldSize: old.size, oldRoot: old.rootHash, newSize: new.size, newRoot: new.rootHash,
            path: proof.path)
        return holds
            ? []
            : [
                "the log was rewritten: the tree of size \(new.size) does not extend the old"
                    + " head's tree of size \(old.size)"
            ]
    }

    private static func head(_ path: String) throws -> SignedTreeHead {
        try SignedTreeHead(jsonText: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }
}
