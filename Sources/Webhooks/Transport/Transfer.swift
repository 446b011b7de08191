import CCurl

/// One request's libcurl easy handle and what must outlive it (header lists), with the
/// continuation of the task waiting for it. Created by the caller, then owned by the
/// driving thread until ``finish(_:)``.
final class Transfer: @unchecked Sendable {
    // Touched by the creating task until queued, then only by the driving thread.
    let easy: UnsafeMutableRawPointer
    private var headers: UnsafeMutablePointer<curl_slist>?
    private var resolve: UnsafeMutablePointer<curl_slist>?
    private var continuation: CheckedContinuation<TransferResult, Never>?

    init(_ request: OutgoingRequest, continuation: CheckedContinuation<TransferResult, Never>) {
        easy = curl_easy_init()!
        self.continuation = continuation
        for line in request.headers + ["Expect:"] { headers = curl_slist_append(headers, line) }
        resolve = curl_slist_append(nil, request.endpoint.resolveEntry)
        configure(request)
    }

    private func configure(_ request: OutgoingRequest) {
        let milliseconds =
            Int(request.timeout.components.seconds) * 1_000
            + Int(request.timeout.components.attoseconds / 1_000_000_000_000_000)
        set(CURLOPT_URL, request.endpoint.url.text)
        set(CURLOPT_PROTOCOLS_STR, "http,https")
        set(CURLOPT_PROXY, "")
        set(CURLOPT_USERAGENT, "bsd-ledger-webhooks/1")
        bsd_curl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        bsd_curl_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)
        bsd_curl_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, max(1, milliseconds))
        bsd_curl_easy_setopt_long(easy, CURLOPT_POST, 1)
        bsd_curl_easy_setopt_pointer(easy, CURLOPT_HTTPHEADER, headers)
        bsd_curl_easy_setopt_pointer(easy, CURLOPT_RESOLVE, resolve)
        bsd_curl_easy_setopt_write(easy, CURLOPT_WRITEFUNCTION) { _, size, count, _ in
            size * count
        }
        // The size first, then the copy: libcurl copies exactly that many bytes.
        bsd_curl_easy_setopt_offset(
            easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
        request.body.withUnsafeBytes { bytes in
            _ = bsd_curl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, bytes.baseAddress)
        }
    }

    private func set(_ option: CURLoption, _ text: String) {
        _ = bsd_curl_easy_setopt_pointer(easy, option, text)
    }

    /// The result of a finished transfer whose libcurl code is `code`.
    func result(_ code: CURLcode) -> TransferResult {
        guard code == CURLE_OK else {
            return .failure(
                code: Int32(code.rawValue), message: String(cString: curl_easy_strerror(code)))
        }
        var status = 0
        bsd_curl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        var retryAfter: curl_off_t = 0
        bsd_curl_easy_getinfo_offset(easy, CURLINFO_RETRY_AFTER, &retryAfter)
        return .response(status: status, retryAfter: retryAfter > 0 ? Int(retryAfter) : nil)
    }

    /// Resumes the waiting task once and frees the handle.
    func finish(_ result: TransferResult) {
        let waiting = continuation
        continuation = nil
        curl_easy_cleanup(easy)
        curl_slist_free_all(headers)
        curl_slist_free_all(resolve)
        headers = nil
        resolve = nil
        waiting?.resume(returning: result)
    }
}
