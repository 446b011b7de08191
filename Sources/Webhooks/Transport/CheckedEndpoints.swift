import Synchronization

/// Endpoints the SSRF guard passed recently, by URL, so that deliveries in a row to one
/// endpoint do not parse its URL and resolve its host (a hop to a Dispatch thread and a DNS
/// lookup for a name) on every attempt. An entry is used for ``validity`` after its check,
/// then the endpoint is checked again; refusals are not kept, so a refused endpoint is checked
/// at each attempt. The transport still connects to the checked address (`CURLOPT_RESOLVE`):
/// the cache only delays by at most ``validity`` the moment a changed DNS answer is seen,
/// and what it holds is an address that passed the check.
final class CheckedEndpoints: Sendable {
    private struct Entry {
        var endpoint: CheckedEndpoint
        var checkedAt: ContinuousClock.Instant
    }

    /// How long a check is relied on.
    let validity: Duration
    /// Entries beyond this count are dropped all at once (they are only a shortcut).
    let limit: Int
    private let entries = Mutex<[String: Entry]>([:])

    /// A cache relying on each check for `validity`, holding at most `limit` endpoints.
    init(validity: Duration = .seconds(30), limit: Int = 4_096) {
        self.validity = validity
        self.limit = limit
    }

    /// The checked endpoint for `url`: the kept one when it was checked less than
    /// ``validity`` before `now`, else the result of `check`, kept when it passed.
    func endpoint(
        for url: String, now: ContinuousClock.Instant = .now,
        check: () async -> Result<CheckedEndpoint, EndpointRefusal>
    ) async -> Result<CheckedEndpoint, EndpointRefusal> {
        let kept = entries.withLock { $0[url] }
        if let kept, now - kept.checkedAt < validity, kept.checkedAt <= now {
            return .success(kept.endpoint)
        }
        let result = await check()
        if case .success(let endpoint) = result {
            entries.withLock { entries in
                if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
                entries[url] = Entry(endpoint: endpoint, checkedAt: now)
            }
        }
        return result
    }
}
