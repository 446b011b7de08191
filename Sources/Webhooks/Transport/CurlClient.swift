import CCurl
import Glibc
import Synchronization

/// The process's HTTP client for webhooks: one libcurl multi handle driven by one thread.
/// Callers hand it requests from any task and await their result; libcurl keeps connections
/// alive between deliveries to the same endpoint. Redirects are never followed, proxies from
/// the environment are ignored, and only http and https may be spoken.
public final class CurlClient: Sendable {
    private struct Inbox {
        var queued: [Transfer] = []
        var stopping = false
    }

    /// Only the driving thread touches the multi handle after ``init()``; it is kept as a
    /// bit pattern because pointers are not Sendable.
    private let multiBits: Int
    private let inbox = Mutex(Inbox())
    private let thread = Mutex<pthread_t?>(nil)

    /// Initialises libcurl; the driving thread starts with the first request, so a server
    /// whose webhooks never send costs no thread.
    public init() {
        Self.globalInit
        multiBits = Int(bitPattern: curl_multi_init())
        precondition(multiBits != 0, "curl_multi_init failed")
        // libcurl's default keeps four idle connections per transfer under way: with many
        // endpoints and one delivery in flight each, a quiet moment would close the
        // connections of endpoints between two deliveries, and each would connect again.
        bsd_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, Self.idleConnections)
    }

    /// Starts the driving thread unless it runs (or ran) already; false once stopping.
    private func startThread() -> Bool {
        thread.withLock { handle in
            guard handle == nil else { return true }
            guard !inbox.withLock({ $0.stopping }) else { return false }
            let context = Unmanaged.passRetained(Driver(client: self)).toOpaque()
            var created = pthread_t()
            let code = pthread_create(
                &created, nil,
                { raw in
                    let driver = Unmanaged<Driver>.fromOpaque(raw!).takeRetainedValue()
                    driver.run()
                    return nil
                }, context)
            precondition(code == 0, "cannot start the webhook transport thread: error \(code)")
            handle = created
            return true
        }
    }

    /// How many idle connections are kept for reuse: one per endpoint up to this many.
    static let idleConnections = 1_024

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    var multi: UnsafeMutableRawPointer { UnsafeMutableRawPointer(bitPattern: multiBits)! }

    /// Sends `request` and returns what came of it; never throws (a failure is a result).
    public func send(_ request: OutgoingRequest) async -> TransferResult {
        let running = startThread()
        return await withCheckedContinuation { continuation in
            let transfer = Transfer(request, continuation: continuation)
            // Only the first transfer of an empty queue wakes the thread: the queue is taken
            // whole, so the later ones go with it (a wake-up is a system call each).
            let queued: (accepted: Bool, first: Bool) =
                running
                ? inbox.withLock { inbox in
                    guard !inbox.stopping else { return (false, false) }
                    inbox.queued.append(transfer)
                    return (true, inbox.queued.count == 1)
                } : (false, false)
            if !queued.accepted {
                transfer.finish(.failure(code: -1, message: "transport stopped"))
            } else if queued.first {
                curl_multi_wakeup(multi)
            }
        }
    }

    /// Stops the thread; transfers under way end with a failure. Idempotent.
    public func shutdown() {
        // Stopping is set under the thread's lock, so no thread starts afterwards.
        let handle = thread.withLock { state -> pthread_t? in
            inbox.withLock { $0.stopping = true }
            defer { state = nil }
            return state
        }
        guard let handle else { return }
        curl_multi_wakeup(multi)
        pthread_join(handle, nil)
    }

    deinit {
        shutdown()
        curl_multi_cleanup(multi)
    }

    /// Takes the queued transfers, and whether the client is stopping.
    fileprivate func take() -> ([Transfer], Bool) {
        inbox.withLock { inbox in
            defer { inbox.queued = [] }
            return (inbox.queued, inbox.stopping)
        }
    }
}

/// The loop of the driving thread: add queued transfers, perform, collect finished ones,
/// poll until there is something to do.
private final class Driver {
    unowned(unsafe) let client: CurlClient
    var running: [Int: Transfer] = [:]

    init(client: CurlClient) { self.client = client }

    func run() {
        let multi = client.multi
        while true {
            let (queued, stopping) = client.take()
            for transfer in queued {
                running[Int(bitPattern: transfer.easy)] = transfer
                curl_multi_add_handle(multi, transfer.easy)
            }
            if stopping {
                for transfer in running.values {
                    curl_multi_remove_handle(multi, transfer.easy)
                    transfer.finish(.failure(code: -1, message: "transport stopped"))
                }
                running = [:]
                return
            }
            var active: Int32 = 0
            curl_multi_perform(multi, &active)
            collect(multi)
            curl_multi_poll(multi, nil, 0, 1_000, nil)
        }
    }

    private func collect(_ multi: UnsafeMutableRawPointer) {
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                let transfer = running.removeValue(forKey: Int(bitPattern: easy))
            else { continue }
            let code = message.pointee.data.result
            curl_multi_remove_handle(multi, easy)
            transfer.finish(transfer.result(code))
        }
    }
}
