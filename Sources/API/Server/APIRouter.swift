import Audit
import CanonicalJSON
import Glibc
import HTTP
import Identity
import Ledger
import Logging
import Projections

/// Chooses what answers each request, and records every answer in the metrics and the log.
final class APIRouter: Sendable {
    let ledger: Ledger
    let logger: Logger
    let metrics: MetricsRegistry
    let identity: IdentityService
    let endpoint: GraphQLEndpoint
    let rateLimiter: RateLimiter?
    let idempotency: IdempotencyStore
    /// The download links the GraphQL resolvers issue and `/download` redeems.
    let downloads: DownloadTokens
    /// Makes the files of download links.
    let downloadProducer: DownloadProducer
    /// Subscriptions over WebSocket and Server-Sent Events; nil: none.
    let subscriptions: SubscriptionEndpoint?
    /// The tree-head key published at `/.well-known/bsd-ledger-key`; nil: 404 there.
    let treeHeads: TreeHeads?

    init(
        ledger: Ledger, identity: IdentityService, endpoint: GraphQLEndpoint,
        rateLimiter: RateLimiter?, idempotency: IdempotencyStore, downloads: DownloadTokens,
        logger: Logger, metrics: MetricsRegistry, treeHeads: TreeHeads? = nil,
        subscriptions: SubscriptionEndpoint? = nil
    ) {
        self.subscriptions = subscriptions
        self.treeHeads = treeHeads
        self.ledger = ledger
        self.identity = identity
        self.endpoint = endpoint
        self.rateLimiter = rateLimiter
        self.idempotency = idempotency
        self.downloads = downloads
        downloadProducer = DownloadProducer(queries: FormQueries(ledger: ledger))
        self.logger = logger
        self.metrics = metrics
    }

    /// Routes one request, then records its metrics and logs it at debug.
    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let start = Self.monotonicSeconds()
        let (route, operation, response) = await route(request)
        let elapsed = Self.monotonicSeconds() - start
        metrics.increment(
            "bsd_ledger_http_requests_total",
            labels: ["route": route, "code": String(response.status)])
        if let operation {
            metrics.increment(
                "bsd_ledger_graphql_operations_total",
                labels: ["operation": operation, "code": String(response.status)])
        }
        metrics.observe(
            "bsd_ledger_http_request_duration_seconds", labels: ["route": route], seconds: elapsed)
        logger.debug(
            "Request answered",
            metadata: [
                "request.id": request.id, "http.method": request.method, "http.path": request.path,
                "http.status": String(response.status), "http.route": route,
                "graphql.operation": operation ?? "-",
                "http.duration_ms": String(Int((elapsed * 1000).rounded())),
            ])
        return response
    }

    /// The route name and, for GraphQL, the operation label (both bounded, for metric
    /// labels), and the response.
    private func route(_ request: HTTPRequest) async -> (String, String?, HTTPResponse) {
        switch request.path {
        case "/healthz":
            guard request.method == "GET" || request.method == "HEAD" else {
                return ("healthz", nil, Self.methodNotAllowed(allow: "GET, HEAD"))
            }
            return ("healthz", nil, health())
        case "/metrics":
            guard request.method == "GET" else {
                return ("metrics", nil, Self.methodNotAllowed(allow: "GET"))
            }
            return ("metrics", nil, metricsPage())
        case "/graphql":
            if let upgrade = subscriptions?.upgrade(request) { return ("graphql-ws", nil, upgrade) }
            let (operation, response) = await graphQL(request)
            return ("graphql", operation, response)
        case "/.well-known/bsd-ledger-key":
            guard request.method == "GET" || request.method == "HEAD" else {
                return ("key", nil, Self.methodNotAllowed(allow: "GET, HEAD"))
            }
            guard let treeHeads else {
                return ("key", nil, Self.json(404, ["error": "this server signs no tree heads"]))
            }
            return ("key", nil, Self.json(200, treeHeads.key.verifyingKey.json))
        case "/download":
            return ("download", nil, download(request))
        case "/playground":
            return ("playground", nil, Self.playground())
        case RoadControlLinks.path:
            return ("road-control", nil, await roadControl(request))
        case "/" where request.method == "GET" && Self.wantsHTML(request):
            return ("playground", nil, Self.playground())
        case "/" where request.method == "POST":
            let (operation, response) = await graphQL(request)
            return ("graphql", operation, response)
        default:
            return ("unknown", nil, Self.json(404, ["error": "no such path"]))
        }
    }

    /// 200 with the ledger's head when the ledger answers, else 503.
    func health() -> HTTPResponse {
        do {
            let head = try ledger.head()
            return Self.json(
                200,
                [
                    "status": "ok",
                    "ledger": [
                        "position": .int(Int64(head.position)), "hash": .string("\(head.hash)"),
                    ],
                ])
        } catch {
            logger.error("Health check failed", metadata: ["ledger.error": "\(error)"])
            return Self.json(503, ["status": "unavailable"])
        }
    }

    /// The metrics page: counters and histograms, then the ledger's gauges read now.
    func metricsPage() -> HTTPResponse {
        // `Double.init` alone would pick `init(bitPattern:)` for a UInt64.
        let head = (try? ledger.head().position).map { Double($0) } ?? -1
        let commits = ledger.statistics.snapshot
        let text = metrics.render(gauges: [
            ("bsd_ledger_head_position", "Position of the last committed event.", head),
            ("bsd_ledger_commits", "Group commits since start.", Double(commits.commits)),
            (
                "bsd_ledger_committed_events", "Events committed since start.",
                Double(commits.events)
            ),
            (
                "bsd_ledger_events_per_commit", "Mean events per group commit since start.",
                commits.eventsPerCommit
            ),
        ])
        return HTTPResponse(
            status: 200, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"],
            body: Array(text.utf8))
    }

    static func playground() -> HTTPResponse {
        HTTPResponse(
            status: 200,
            headers: [
                "Content-Type": "text/html; charset=utf-8",
                "Content-Security-Policy":
                    "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
            ],
            body: Array(PlaygroundPage.html.utf8))
    }

    /// Whether a browser asks for a page (`Accept: text/html`).
    static func wantsHTML(_ request: HTTPRequest) -> Bool {
        request.headers["Accept"]?.contains("text/html") ?? false
    }

    static func json(_ status: Int, _ value: JSONValue) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: ["Content-Type": "application/json; charset=utf-8"],
            body: CanonicalJSON.encode(value))
    }

    static func methodNotAllowed(allow: String) -> HTTPResponse {
        var response = json(405, ["error": "method not allowed"])
        response.headers.add(name: "Allow", value: allow)
        return response
    }

    static func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
