import GraphQL
import HTTP
import Ledger
import Webhooks

/// Why an ``APIServer`` could not be made or started.
public enum APIServerError: Error, Sendable {
    /// The schema did not build, which is a bug.
    case schema(GraphQLError)
    /// The idempotency store did not open.
    case idempotencyStore(IdempotencyStoreError)
    /// Webhooks did not start: the delivery store did not open, or the key sealing the
    /// settings' credentials is missing or wrong.
    case webhooks(WebhookError)
    /// The subscriptions' dispatcher could not start following the ledger: serving without
    /// it would leave every subscriber waiting for changes that never come.
    case dispatcher(LedgerError)
    /// The transport could not listen.
    case listen(HTTPServerError)
}

extension APIServerError: CustomStringConvertible {
    /// What went wrong, for the operator reading `serve`'s error.
    public var description: String {
        switch self {
        case .schema(let error): "the GraphQL schema did not build: \(error.message)"
        case .idempotencyStore(let error): "the idempotency store did not open: \(error)"
        case .webhooks(let error): "webhooks did not start: \(error)"
        case .dispatcher(let error):
            "the subscriptions' dispatcher could not follow the ledger: \(error)"
        case .listen(let error): "could not listen: \(error)"
        }
    }
}
