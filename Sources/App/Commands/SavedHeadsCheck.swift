import Audit
import Foundation
import Ledger
import Logging

/// Tree heads an auditor saved, checked against a data folder: each head's signature with
/// the folder's key, then that the log still holds the older tree as a prefix of the newer
/// one (an RFC 9162 consistency proof read from the folder). With one head, the newer tree
/// is the log as committed now. Shared by `verify --head` and `verify-consistency`.
struct SavedHeadsCheck {
    /// The head files, oldest first: one or two.
    let paths: [String]

    /// Reads `--head FILE` once or twice; nil when the option is absent.
    static func options(_ options: inout Options) throws -> SavedHeadsCheck? {
        var paths: [String] = []
        while let path = try options.value("head") { paths.append(path) }
        guard !paths.isEmpty else { return nil }
        guard paths.count <= 2 else {
            throw UsageError(message: "--head takes the old head's file, then the new head's")
        }
        return SavedHeadsCheck(paths: paths)
    }

    /// The folder's public key, or nil when it has none (nothing is created).
    static func key(in folder: String) throws -> VerifyingKey? {
        try SigningKey.load(in: folder, logger: Logger.discarding(label: "key"))?.verifyingKey
    }

    /// Prints that folder `folder` has no key; the exit status.
    static func noKey(_ folder: String) -> Int32 {
        Output.line(
            "FAILED: no tree-head key in \(folder) (\(SigningKey.fileName) is absent), so the"
                + " heads' signatures cannot be checked; this command creates none")
        return 1
    }

    /// Checks and prints the outcome: "OK: …", or a "FAILED: …" line per problem; the exit
    /// status.
    func report(key: VerifyingKey, ledger: Ledger) throws -> Int32 {
        switch try run(key: key, ledger: ledger) {
        case .success(let summary):
            Output.line("OK: \(summary)")
            return 0
        case .failure(let problems):
            for problem in problems.sentences { Output.line("FAILED: \(problem)") }
            return 1
        }
    }

    /// What is wrong, each problem a sentence; on success, the one line that says what held.
    func run(key: VerifyingKey, ledger: Ledger) throws -> Result<String, Problems> {
        let heads = try paths.map(Self.head)
        let signatures = zip(paths, heads).compactMap { path, head in
            head.problem(with: key).map { "\(path): \($0)" }
        }
        guard signatures.isEmpty else { return .failure(Problems(sentences: signatures)) }
        let old = MerkleTreeHead(size: heads[0].size, rootHash: heads[0].rootHash)
        let new =
            heads.count == 2
            ? MerkleTreeHead(size: heads[1].size, rootHash: heads[1].rootHash)
            : try ledger.merkleHead()
        if let problem = try Self.consistency(old, new, ledger: ledger) {
            return .failure(Problems(sentences: [problem]))
        }
        let newer = heads.count == 2 ? "the tree of size" : "the log's tree of size"
        return .success("the tree of size \(old.size) is a prefix of \(newer) \(new.size)")
    }

    /// Problems found, in order.
    struct Problems: Error {
        var sentences: [String]
    }

    private static func consistency(
        _ old: MerkleTreeHead, _ new: MerkleTreeHead, ledger: Ledger
    ) throws -> String? {
        guard old.size <= new.size else {
            return "the old head's tree (size \(old.size)) is larger than the newer one's"
                + " (size \(new.size)): events were removed or the heads are in the wrong order"
        }
        let proof: ConsistencyProof
        do {
            proof = try ledger.consistencyProof(from: old.size, to: new.size)
        } catch .outsideTree(_, let available) {
            return "the log holds \(available) events, fewer than the new head's \(new.size)"
        }
        let holds = MerkleVerification.isConsistent(
            oldSize: old.size, oldRoot: old.rootHash, newSize: new.size, newRoot: new.rootHash,
            path: proof.path)
        return holds
            ? nil
            : "the log was rewritten: the tree of size \(new.size) does not extend the old"
                + " head's tree of size \(old.size)"
    }

    private static func head(_ path: String) throws -> SignedTreeHead {
        try SignedTreeHead(jsonText: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }
}
