import GraphQL
import Webhooks

/// Why an ``APIServer`` could not be made.
public enum APIServerError: Error, Sendable {
    /// The schema did not build, which is a bug.
    case schema(GraphQLError)
    /// The idempotency store did not open.
    case idempotencyStore(IdempotencyStoreError)
    /// The webhook delivery store did not open.
    case webhooks(WebhookError)
}
