import Webhooks

/// The webhook options of `serve`: `--webhook-allow-host HOST` (repeatable; also
/// `BSD_LEDGER_WEBHOOK_ALLOW_HOSTS`, comma-separated) exempts a host from the SSRF guard,
/// for tests and development on loopback; `--webhooks-per-company N` (default 5);
/// `--webhook-retry-ms A,B,…` replaces the retry schedule by delays in milliseconds (tests);
/// `--webhook-timeout-ms N` (also `BSD_LEDGER_WEBHOOK_TIMEOUT_MS`) bounds one attempt
/// (default 10 000).
enum WebhookOptions {
    /// Reads the options into a configuration.
    static func parse(_ options: inout Options) throws -> WebhookConfiguration {
        var configuration = WebhookConfiguration()
        var hosts: [String] = []
        while let host = try options.value("webhook-allow-host") { hosts.append(host) }
        if let listed = ServeCommand.environment("BSD_LEDGER_WEBHOOK_ALLOW_HOSTS") {
            hosts += listed.split(separator: ",").map(String.init)
        }
        configuration.allowedHosts = Set(hosts.map { $0.lowercased() })
        if let limit = try options.value("webhooks-per-company") {
            guard let value = Int(limit), value >= 0 else {
                throw UsageError(message: "--webhooks-per-company takes a count")
            }
            configuration.settingsPerCompany = value
        }
        if let schedule = try options.value("webhook-retry-ms") {
            let delays = schedule.split(separator: ",").map { Int($0) }
            guard !delays.isEmpty, delays.allSatisfy({ ($0 ?? -1) >= 0 }) else {
                throw UsageError(message: "--webhook-retry-ms takes milliseconds: 50,100,200")
            }
            configuration.retrySchedule = RetrySchedule(
                delays: delays.map { .milliseconds($0!) }, jitter: 0.2)
        }
        if let milliseconds = try options.positive(
            "webhook-timeout-ms", variable: "BSD_LEDGER_WEBHOOK_TIMEOUT_MS",
            meaning: "milliseconds")
        {
            configuration.timeout = .milliseconds(milliseconds)
        }
        return configuration
    }
}
