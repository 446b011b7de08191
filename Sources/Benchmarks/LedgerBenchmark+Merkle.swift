import CanonicalJSON
import Ledger

extension LedgerBenchmark {
    /// Durable appends at 1 000 events per commit into a ledger that keeps the Merkle tree,
    /// beside one that does not (the baseline), alternating in ten rounds (each going first
    /// in every other round) so that the disk's drift weighs on both alike. Target: at most
    /// 10 % slower.
    mutating func merkleAppends(_ payloads: [[UInt8]], commits: Int) throws {
        let perCommit = 1_000
        var without = options()
        without.maintainsMerkleTree = false
        let kept = try Ledger(path: freshFolder("merkle-on"), options: options())
        let plain = try Ledger(path: freshFolder("merkle-off"), options: without)
        defer {
            kept.close()
            plain.close()
        }
        let batches = (0..<commits).map { events(payloads, from: $0 * perCommit, count: perCommit) }
        var keptSeconds = 0.0
        var plainSeconds = 0.0
        let rounds = 10
        for round in 0..<rounds {
            let range = (commits * round / rounds)..<(commits * (round + 1) / rounds)
            // Each ledger goes first in every other round, so that neither always follows
            // the other's writes.
            for keptTurn in round % 2 == 0 ? [false, true] : [true, false] {
                let seconds = try Stopwatch.time {
                    try append(batches[range], to: keptTurn ? kept : plain, round)
                }
                if keptTurn { keptSeconds += seconds } else { plainSeconds += seconds }
            }
        }
        let total = Double(commits * perCommit)
        record(
            "merkleAppend1000", label: "append 1000/commit + Merkle", ours: total / keptSeconds,
            baseline: total / plainSeconds, baselineName: "same, no Merkle tree")
        let overhead = (keptSeconds / plainSeconds - 1) * 100
        summary["merkleOverheadPercent"] = .double((overhead * 10).rounded() / 10)
        summary["merkleOverheadTargetPercent"] = .int(10)
    }

    private func append(
        _ batches: ArraySlice<[NewEvent]>, to ledger: Ledger, _ round: Int
    ) throws {
        for (offset, batch) in batches.enumerated() {
            _ = try ledger.appendWaiting(
                batch, to: "bench-\(round)-\(offset)", expected: .noStream)
        }
    }

    /// Inclusion proofs for random positions against the whole tree of a ledger of `count`
    /// events (built without syncs, 10 000 small events per commit). Target: ≤ 50 µs each.
    mutating func inclusionProofs(events count: Int, proofs: Int) throws {
        var fast = options()
        fast.durability = .noSync
        let ledger = try Ledger(path: freshFolder("proofs"), options: fast)
        defer { ledger.close() }
        let perCommit = 10_000
        for commit in 0..<(count / perCommit) {
            let batch = (0..<perCommit).map { index in
                NewEvent(
                    id: .random(), type: "Numbered",
                    payload: Array("{\"n\":\(commit * perCommit + index)}".utf8))
            }
            _ = try ledger.appendWaiting(batch, to: "proofs-\(commit)", expected: .noStream)
        }
        let head = try ledger.merkleHead()
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var positions: [UInt64] = []
        for _ in 0..<proofs {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            positions.append((state >> 11) % head.size + 1)
        }
        var steps = 0
        let seconds = try Stopwatch.time {
            for position in positions {
                steps += try ledger.inclusionProof(position: position, treeSize: head.size)
                    .path.count
            }
        }
        try checkProof(ledger, head, position: positions[0])
        let label = "proofs/s at \(count / 1_000) k events"
        record(
            "inclusionProof", label: label, ours: Double(proofs) / seconds, baseline: nil,
            baselineName: "-")
        summary["inclusionProofMicroseconds"] = .double(
            (seconds / Double(proofs) * 1e7).rounded() / 10)
        summary["inclusionProofTargetMicroseconds"] = .int(50)
        summary["inclusionProofTreeSize"] = .int(Int64(head.size))
        summary["inclusionProofMeanPath"] = .int(Int64(steps / proofs))
    }

    /// Fails the benchmark if a measured proof does not lead to the root.
    private func checkProof(_ ledger: Ledger, _ head: MerkleTreeHead, position: UInt64) throws {
        let proof = try ledger.inclusionProof(position: position, treeSize: head.size)
        let event = try ledger.readAll(after: position - 1, limit: 1)[0]
        let root = MerkleVerification.root(
            leaf: MerkleVerification.leafHash(chainHash: event.hash), index: position - 1,
            size: head.size, path: proof.path)
        precondition(root == head.rootHash, "an inclusion proof does not lead to the root")
    }
}
