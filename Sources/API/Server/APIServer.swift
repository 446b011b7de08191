import GraphQL
import HTTP
import Identity
import Ledger
import Logging
import Projections

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

        /// Listens on `host`:`port` with the transport's defaults otherwise.
        public init(host: String = "127.0.0.1", port: Int = 4000) {
            http = HTTPServer.Configuration(host: host, port: port)
        }
    }

    let router: APIRouter
    private let server: HTTPServer

    /// Prepares a server over `ledger` (opened with the ``IdentityProjection``) and
    /// `identity`; nothing listens before ``start()``.
    /// - Throws: `GraphQLError` if the schema does not build, which is a bug.
    public init(
        configuration: Configuration, ledger: Ledger, identity: IdentityService, logger: Logger
    ) throws(GraphQLError) {
        let metrics = MetricsRegistry()
        Self.describeMetrics(metrics)
        let endpoint = GraphQLEndpoint(
            schema: try APISchema.make(identity: identity, forms: Self.forms(ledger, identity)),
            limits: configuration.limits,
            logger: logger)
        let router = APIRouter(
            ledger: ledger, identity: identity, endpoint: endpoint,
            rateLimiter: configuration.requestsPerMinute.map { RateLimiter(limit: $0) },
            logger: logger,
            metrics: metrics)
        self.router = router
        server = HTTPServer(configuration: configuration.http, logger: logger) { request in
            await router.handle(request)
        }
    }

    /// The bound port (useful when the configuration asked for port 0).
    public var port: Int { server.port }

    /// Starts listening.
    public func start() throws(HTTPServerError) {
        try server.start()
    }

    /// Stops accepting, lets requests under way finish until `deadline`, then stops.
    public func shutdown(deadline: Duration = .seconds(10)) async {
        await server.shutdown(deadline: deadline)
    }

    /// The BSD resolvers over `ledger`, which must carry the forms projection.
    private static func forms(_ ledger: Ledger, _ identity: IdentityService) -> FormResolvers {
        FormResolvers(
            identity: identity, commands: FormCommands(ledger: ledger),
            queries: FormQueries(ledger: ledger), transporters: FormTransporters(ledger: ledger))
    }

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
