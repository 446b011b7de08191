import API
import Audit
import Dispatch
import Glibc
import HTTP
import Identity
import Ledger
import Logging
import Projections
import Webhooks

/// `bsd-ledger serve [--listen HOST:PORT] [--data DIR] [--log-level LEVEL]`: opens the ledger
/// and serves the API until SIGTERM or SIGINT, then drains requests and closes the ledger.
/// Defaults: 127.0.0.1:4000 and ./data; `BSD_LEDGER_LISTEN`, `BSD_LEDGER_DATA` and
/// `BSD_LEDGER_LOG_LEVEL` set them from the environment.
struct ServeCommand {
    let folder: String
    let host: String
    let port: Int
    let level: Logger.Level
    let requestsPerMinute: Int?
    let webhooks: WebhookConfiguration
    let subscriptions: SubscriptionOptions
    let roadControlSeconds: Int

    init(options: inout Options) throws {
        folder = try options.dataFolder()
        let listen =
            try options.value("listen") ?? Self.environment("BSD_LEDGER_LISTEN") ?? "127.0.0.1:4000"
        (host, port) = try Self.parseListen(listen)
        let levelName =
            try options.value("log-level") ?? Self.environment("BSD_LEDGER_LOG_LEVEL") ?? "info"
        guard let level = Logger.Level.allCases.first(where: { $0.name == levelName }) else {
            throw UsageError(
                message: "unknown log level \(levelName): trace, debug, info, warning or error")
        }
        self.level = level
        let limit =
            try options.value("requests-per-minute") ?? Self.environment(
                "BSD_LEDGER_REQUESTS_PER_MINUTE") ?? "1000"
        guard let perMinute = Int(limit), perMinute >= 0 else {
            throw UsageError(message: "--requests-per-minute takes a count (0: no limit)")
        }
        requestsPerMinute = perMinute == 0 ? nil : perMinute
        webhooks = try WebhookOptions.parse(&options)
        subscriptions = try SubscriptionOptions(&options)
        let lifetime = try options.value("road-control-link-lifetime") ?? "1800"
        guard let seconds = Int(lifetime), seconds > 0 else {
            throw UsageError(message: "--road-control-link-lifetime takes seconds (default 1800)")
        }
        roadControlSeconds = seconds
        try options.finish()
    }

    func run() throws -> Int32 {
        // Before any thread exists, so that every thread inherits the blocked signals.
        TerminationSignals.block()
        // Commands that append outside the server (inspector add) refuse while this is held.
        let lock = try DataFolderLock(folder: folder)
        defer { lock.release() }
        let logger = Logger(label: "bsd-ledger", level: level, handler: JSONLinesLogHandler())
        var ledgerOptions = LedgerOptions()
        ledgerOptions.logger = logger
        ledgerOptions.projections = [IdentityProjection()]
        let ledger = try ProjectionRebuilder.openLedger(path: folder, options: ledgerOptions)
        defer { ledger.close() }
        let secrets = try InstanceSecrets.loadOrCreate(in: folder, logger: logger)
        var identityConfiguration = IdentityConfiguration()
        if requestsPerMinute == nil {
            // No request limit at all (benchmarks, test suites): sign-ups and logins neither.
            identityConfiguration.signupLimiter = nil
            identityConfiguration.loginLimiter = nil
            identityConfiguration.loginAddressLimiter = nil
        }
        let identity = try IdentityService(
            ledger: ledger, secrets: secrets, configuration: identityConfiguration, logger: logger
        )
        var configuration = APIServer.Configuration(host: host, port: port)
        configuration.requestsPerMinute = requestsPerMinute
        configuration.idempotencyFolder = folder + "/idempotency"
        configuration.webhooks = webhooks
        configuration.subscriptionInitTimeout = subscriptions.initTimeout
        configuration.subscriberBuffer = subscriptions.buffer
        let treeHeads = try TreeHeads(ledger: ledger, folder: folder, logger: logger)
        configuration.treeHeads = treeHeads
        configuration.roadControlLinkLifetime = .seconds(roadControlSeconds)
        let server = try APIServer(
            configuration: configuration, ledger: ledger, identity: identity, logger: logger)
        try server.start()
        try server.webhooks.start()
        treeHeads.start()
        let shownHost = host.contains(":") ? "[\(host)]" : host
        Output.line(
            "BSD Ledger serving http://\(shownHost):\(server.port)/ (data folder: \(folder))")
        Output.line(
            "GraphQL: POST http://\(shownHost):\(server.port)/graphql. First token: the signup"
                + " mutation, then login (or createAccessToken) and send"
                + " Authorization: Bearer <token>."
        )
        let signal = TerminationSignals.wait()
        logger.info("Shutting down", metadata: ["process.signal": String(signal)])
        let stopped = DispatchSemaphore(value: 0)
        Task {
            await server.shutdown(deadline: .seconds(10))
            await treeHeads.stop()
            stopped.signal()
        }
        stopped.wait()
        return 0
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// `HOST:PORT`, `[IPV6]:PORT` or `:PORT` (loopback).
    static func parseListen(_ text: String) throws -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"),
            let port = Int(text[text.index(after: colon)...]),
            (0...65_535).contains(port)
        else { throw UsageError(message: "--listen takes HOST:PORT, not \(text)") }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "127.0.0.1" : host, port)
    }
}
