/// The auditors' part of the schema: signed heads of the ledger's Merkle tree and history
/// bundles (the format is in ARCHITECTURE.md, "Verifiable ledger").
enum AuditSchema {
    static let sdl = """
        extend type Query {
          "The signed head of the ledger's Merkle tree: the latest, or the one signed at exactly \
        this size."
          treeHead(size: Int): TreeHead!
          "One BSD's history bundle: its events, their inclusion proofs and the signed tree head \
        they are proven against; with sinceSize, also the consistency proof from that earlier \
        tree size. Check it with bsd-ledger verify-bundle or tools/verify_bundle.py."
          formHistoryBundle(id: ID, readableId: String, sinceSize: Int): JSON!
        }

        "A signed statement of the ledger's Merkle tree: its size, its root and when it was signed."
        type TreeHead {
          "Events covered: positions 1 through size."
          size: Int!
          "The RFC 9162 root hash, in hexadecimal."
          rootHash: String!
          "When the head was signed."
          time: DateTime!
          "The id of the signing key (see /.well-known/bsd-ledger-key)."
          keyId: String!
          "The Ed25519 signature, in hexadecimal."
          signature: String!
        }
        """
}
