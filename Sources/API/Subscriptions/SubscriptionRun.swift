import GraphQL

/// How one operation sent over a streaming transport turned out when it started.
enum SubscriptionRun: Sendable {
    /// It could not start (syntax, validation, arguments, access): these errors, as JSON.
    case refused([JSON])
    /// A query or mutation: its one result.
    case single(JSON)
    /// A subscription: one result per event, outward errors applied; the stream ends with
    /// an error when the subscription is ended early (a slow client, say).
    case stream(AsyncThrowingStream<JSON, any Error>)
}
