import Audit
import GraphQL
import HTTP
import Identity
import Inspection
import Ledger
import Logging
import Projections
import Synchronization
import Webhooks

/// The BSD Ledger server: the HTTP transport, the routes, metrics and request logging, over
/// one open ledger. The ledger belongs to the caller, who closes it after ``shutdown(deadline:)``.
public final class APIServer: Sendable {
    /// Where to listen and how the transport behaves.
    public struct Configuration: Sendable {
        /// The transport's settings (host, port, threads, limits).
        public var http: HTTPServer.Configuration
        /// Limits on GraphQL documents (size, tokens, depth, aliases, root fields). The depth
        /// leaves room for the standard introspection query.
        public var limits = Limits(maxDepth: 20, maxRootFields: 5)
        /// Requests per minute per token (or per client address without one); nil: no limit
        /// (benchmarks only).
        public var requestsPerMinute: Int? = 1_000
        /// The folder of the `Idempotency-Key` records; nil: `idempotency` in the ledger's
        /// data folder.
        public var idempotencyFolder: String?
        /// How long `Idempotency-Key` records are kept at least; older ones are purged at
        /// start and about every hour.
        public var idempotencyRetention: Duration = .seconds(86_400)
        /// Webhooks: per-company limit, SSRF allowlist, retry schedule, delivery folder.
        public var webhooks = WebhookConfiguration()
        /// How long a download link (`FileDownload.downloadLink`) works after it is issued.
        public var downloadLinkLifetime: Duration = .seconds(60)
        /// The most download links remembered at once; beyond, the oldest stop working.
        public var downloadLinkCapacity = 10_000
        /// How long a road-control link (`createPdfAccessToken`) works after it is made.
        public var roadControlLinkLifetime: Duration = .seconds(1_800)
        /// What goes before `/download` in download links: scheme, host and port, without a
        /// trailing slash (`https://api.example.org`); nil: `http://<host>:<bound port>`.
        public var publicURL: String?
        /// How long a `graphql-transport-ws` client has to send an accepted `connection_init`.
        public var subscriptionInitTimeout: Duration = .seconds(10)
        /// How many changes a subscriber may fall behind before it is ended.
        public var subscriberBuffer = 1_000
        /// The signed tree heads served by `treeHead`, `formHistoryBundle` and
        /// `/.well-known/bsd-ledger-key`; nil: none (those answer with errors or 404).
        public var treeHeads: TreeHeads?

        /// Listens on `host`:`port` with the transport's defaults otherwise.
        public init(host: String = "127.0.0.1", port: Int = 4000) {
            http = HTTPServer.Configuration(host: host, port: port)
        }
    }

    let router: APIRouter
    private let server: HTTPServer
    private let logger: Logger
    private let purging = Mutex<Task<Void, Never>?>(nil)
    /// Fans committed BSD changes out to the subscriptions.
    let dispatcher: Dispatcher
    private let downloads: DownloadTokens
    /// The host links are made with once the port is bound; nil when `publicURL` was given.
    private let linkHost: String?
    /// The `Idempotency-Key` records; the server opens it and closes it at shutdown.
    public let idempotencyStore: IdempotencyStore
    /// Webhook settings and delivery; `serve` starts its dispatcher after ``start()``, and
    /// ``shutdown(deadline:)`` stops it.
    public let webhooks: WebhookService

    /// Prepares a server over `ledger` (opened with the ``IdentityProjection``) and
    /// `identity`, and opens the idempotency store; nothing listens before ``start()``.
    /// - Throws: ``APIServerError/schema(_:)`` if the schema does not build, which is a bug;
    ///   ``APIServerError/idempotencyStore(_:)`` if the store does not open.
    public init(
        configuration: Configuration, ledger: Ledger, identity: IdentityService, logger: Logger
    ) throws(APIServerError) {
        let metrics = MetricsRegistry()
        Self.describeMetrics(metrics)
        do {
            webhooks = try WebhookService(
                ledger: ledger, configuration: configuration.webhooks, logger: logger)
        } catch { throw .webhooks(error) }
        let downloads = DownloadTokens(
            lifetime: configuration.downloadLinkLifetime,
            capacity: max(1, configuration.downloadLinkCapacity),
            baseURL: configuration.publicURL ?? "")
        self.downloads = downloads
        linkHost = configuration.publicURL == nil ? configuration.http.host : nil
        let schema: GraphQLSchema
        var forms = Self.forms(ledger, identity, downloads, configuration.treeHeads)
        forms.roadControlLifetime = configuration.roadControlLinkLifetime
        dispatcher = Dispatcher(
            ledger: ledger, logger: logger, capacity: max(1, configuration.subscriberBuffer))
        do {
            schema = try APISchema.make(
                identity: identity, forms: forms, webhooks: webhooks,
                subscriptions: SubscriptionResolvers(forms: forms, dispatcher: dispatcher),
                inspection: InspectionResolvers(
                    identity: identity, ledger: ledger, downloads: downloads))
        } catch { throw .schema(error) }
        let endpoint = GraphQLEndpoint(schema: schema, limits: configuration.limits, logger: logger)
        do {
            idempotencyStore = try IdempotencyStore(
                path: configuration.idempotencyFolder ?? ledger.folder + "/idempotency",
                retention: configuration.idempotencyRetention)
        } catch {
            throw .idempotencyStore(error)
        }
        let router = APIRouter(
            ledger: ledger, identity: identity, endpoint: endpoint,
            rateLimiter: configuration.requestsPerMinute.map { RateLimiter(limit: $0) },
            idempotency: idempotencyStore, downloads: downloads, logger: logger,
            metrics: metrics, treeHeads: configuration.treeHeads,
            subscriptions: SubscriptionEndpoint(
                endpoint: endpoint, identity: identity, logger: logger,
                initTimeout: configuration.subscriptionInitTimeout))
        self.router = router
        self.logger = logger
        server = HTTPServer(configuration: configuration.http, logger: logger) { request in
            await router.handle(request)
        }
    }

    /// The bound port (useful when the configuration asked for port 0).
    public var port: Int { server.port }

    /// Purges old idempotency records, starts the hourly purge, the subscriptions'
    /// dispatcher, and starts listening.
    /// - Throws: ``APIServerError/dispatcher(_:)`` when the dispatcher cannot follow the
    ///   ledger (nothing listens then), ``APIServerError/listen(_:)`` when the transport
    ///   cannot listen.
    public func start() throws(APIServerError) {
        do {
            try dispatcher.start()
        } catch {
            logger.error("Dispatcher did not start", metadata: ["ledger.error": "\(error)"])
            throw .dispatcher(error)
        }
        idempotencyStore.purge(logger: logger)
        let task = idempotencyStore.purgeRegularly(every: .seconds(3_600), logger: logger)
        purging.withLock { $0 = task }
        do {
            try server.start()
        } catch {
            task.cancel()
            dispatcher.stop()
            throw .listen(error)
        }
        if let linkHost {
            let host = linkHost.contains(":") ? "[\(linkHost)]" : linkHost
            downloads.setBaseURL("http://\(host):\(server.port)")
        }
    }

    /// Stops accepting, lets requests under way finish until `deadline`, then stops and
    /// closes the idempotency store.
    public func shutdown(deadline: Duration = .seconds(10)) async {
        purging.withLock { $0?.cancel() }
        dispatcher.stop()
        await server.shutdown(deadline: deadline)
        await webhooks.stop()
        idempotencyStore.close()
    }

    /// The BSD resolvers over `ledger`, which must carry the forms projection, issuing
    /// download links from `downloads`.
    private static func forms(
        _ ledger: Ledger, _ identity: IdentityService, _ downloads: DownloadTokens,
        _ treeHeads: TreeHeads?
    ) -> FormResolvers {
        var forms = FormResolvers(identity: identity, ledger: ledger)
        forms.downloads = downloads
        forms.treeHeads = treeHeads
        forms.inspection = InspectionGate(
            directory: InspectorDirectory(ledger: ledger), log: ControlLog(ledger: ledger))
        return forms
    }

    deinit { purging.withLock { $0?.cancel() } }

    private static func describeMetrics(_ metrics: MetricsRegistry) {
        metrics.describe(
            "bsd_ledger_http_requests_total", type: "counter",
            help: "HTTP requests answered, by route and status code.")
        metrics.describe(
            "bsd_ledger_http_request_duration_seconds", type: "histogram",
            help: "Time from a complete request to its answer, by route.")
        metrics.describe(
            "bsd_ledger_graphql_operations_total", type: "counter",
            help: "GraphQL operations answered, by type and first root field, and status code.")
    }
}
