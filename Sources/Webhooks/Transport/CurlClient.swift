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

    /// Initialises libcurl and starts the driving thread.
    public init() {
        Self.globalInit
        multiBits = Int(bitPattern: curl_multi_init())
        precondition(multiBits != 0, "curl_multi_init failed")
        let context = Unmanaged.passRetained(Driver(client: self)).toOpaque()
        var handle = pthread_t()
        let code = pthread_create(
            &handle, nil,
            { raw in
                let driver = Unmanaged<Driver>.fromOpaque(raw!).takeRetainedValue()
                driver.run()
                return nil
            }, context)
        precondition(code == 0, "cannot start the webhook transport thread: error \(code)")
        thread.withLock { $0 = handle }
    }

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    var multi: UnsafeMutableRawPointer { UnsafeMutableRawPointer(bitPattern: multiBits)! }

    /// Sends `request` and returns what came of it; never throws (a failure is a result).
    public func send(_ request: OutgoingRequest) async -> TransferResult {
        await withCheckedContinuation { continuation in
            let transfer = Transfer(request, continuation: continuation)
            let accepted = inbox.withLock { inbox in
                guard !inbox.stopping else { return false }
                inbox.queued.append(transfer)
                return true
            }
            if accepted {
                curl_multi_wakeup(multi)
            } else {
                transfer.finish(.failure(code: -1, message: "transport stopped"))
            }
        }
    }

    /// Stops the thread; transfers under way end with a failure. Idempotent.
    public func shutdown() {
        inbox.withLock { $0.stopping = true }
        curl_multi_wakeup(multi)
        if let handle = thread.withLock({ state -> pthread_t? in
            defer { state = nil }
            return state
        }) {
            pthread_join(handle, nil)
        }
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
