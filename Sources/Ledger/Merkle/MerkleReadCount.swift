/// What one call on the Merkle tree read: stored nodes and log records. Tests pass one to
/// the ledger's proof functions to check that a proof's reads grow with log n, not n.
final class MerkleReadCount {
    /// Stored nodes read from the Merkle database (one LMDB get each).
    var nodes = 0
    /// Log records read to hash leaves below the stored levels.
    var records = 0
}
