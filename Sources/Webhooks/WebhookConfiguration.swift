/// How webhooks behave: limits, the SSRF allowlist, the retry schedule and the transport's
/// bounds. The defaults are production values; tests shorten the schedule.
public struct WebhookConfiguration: Sendable {
    /// The folder of the delivery cursors and failures; nil: `webhooks` in the ledger's folder.
    public var folder: String?
    /// How many webhook settings one company may have.
    public var settingsPerCompany = 5
    /// Hosts (names or IP literals, lower case) exempt from the SSRF guard: plain http is
    /// allowed for them and their addresses are not classified. Empty in production.
    public var allowedHosts: Set<String> = []
    /// Delays between attempts of one delivery.
    public var retrySchedule = RetrySchedule.standard
    /// The whole-request timeout of one attempt.
    public var timeout: Duration = .seconds(10)
    /// The largest body sent; a full-envelope body beyond it goes out in the short form.
    public var payloadCap = 256 * 1024
    /// How many acknowledged deliveries one endpoint may have awaiting their cursor's sync
    /// while it goes on: at most this many acknowledged deliveries go out again after a
    /// crash (with their `webhook-id`); 1 makes every delivery wait for the previous one's
    /// sync.
    public var unsyncedAcknowledgements = 16

    /// The production defaults.
    public init() {}
}
