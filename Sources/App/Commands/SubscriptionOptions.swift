/// The subscription options of `serve`: `--subscription-init-timeout-ms N` (also
/// `BSD_LEDGER_SUBSCRIPTION_INIT_TIMEOUT_MS`; default 10 000) is how long a
/// `graphql-transport-ws` client has to send an accepted `connection_init`;
/// `--subscriber-buffer N` (also `BSD_LEDGER_SUBSCRIBER_BUFFER`; default 1 000) is how many
/// changes a subscriber may fall behind before it is ended with TOO_MANY_REQUESTS.
struct SubscriptionOptions {
    /// The `connection_init` deadline.
    var initTimeout: Duration = .seconds(10)
    /// The changes a subscriber may fall behind.
    var buffer = 1_000

    /// Reads the options, or their environment variables.
    init(_ options: inout Options) throws {
        if let milliseconds = try options.positive(
            "subscription-init-timeout-ms", variable: "BSD_LEDGER_SUBSCRIPTION_INIT_TIMEOUT_MS",
            meaning: "milliseconds")
        {
            initTimeout = .milliseconds(milliseconds)
        }
        if let changes = try options.positive(
            "subscriber-buffer", variable: "BSD_LEDGER_SUBSCRIBER_BUFFER",
            meaning: "a count of changes")
        {
            buffer = changes
        }
    }
}
