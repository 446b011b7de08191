import GraphQL
import Synchronization

/// Documents that parsed and validated, by source text: integrations send the same few
/// queries over and over, and parsing and validating cost more than executing them. The
/// schema and limits never change while the server runs, so a valid document stays valid.
final class DocumentCache: Sendable {
    private let documents = Mutex<[String: Document]>([:])
    let capacity: Int

    /// A cache of at most `capacity` documents; when full it starts over (documents are
    /// cheap to rebuild, and a client sending endless distinct queries gains nothing).
    init(capacity: Int = 512) {
        self.capacity = capacity
    }

    /// The valid document for `source`, if seen before.
    func document(for source: String) -> Document? {
        documents.withLock { $0[source] }
    }

    /// Remembers a document that parsed and validated.
    func store(_ document: Document, for source: String) {
        documents.withLock { documents in
            if documents.count >= capacity { documents.removeAll(keepingCapacity: true) }
            documents[source] = document
        }
    }
}
