import CMicroHTTPD
import Synchronization

/// The bridge between a streamed body's producer and libmicrohttpd's content reader.
///
/// libmicrohttpd asks for bytes on the connection's polling thread. With a chunk waiting the
/// reader hands it over at once; with none, it suspends the connection and returns 0, and
/// the producer's next chunk (or its end) resumes it. Suspending and resuming happen under
/// the same lock, so a chunk can never arrive unseen between the two.
final class ResponseStream: Sendable {
    private struct State {
        var chunks: [[UInt8]] = []
        /// Bytes of `chunks[0]` already handed over.
        var offset = 0
        var finished = false
        var suspended = false
        var released = false
    }

    nonisolated(unsafe) private let connection: OpaquePointer
    private let state = Mutex(State())
    private let producer = Mutex<Task<Void, Never>?>(nil)
    private let onRelease: @Sendable (ResponseStream) -> Void

    /// Makes the bridge for a response on `connection`; `onRelease` runs once libmicrohttpd
    /// is done with it.
    init(connection: OpaquePointer, onRelease: @escaping @Sendable (ResponseStream) -> Void) {
        self.connection = connection
        self.onRelease = onRelease
    }

    /// Starts the task that carries `body`'s chunks over.
    func start(_ body: AsyncStream<[UInt8]>) {
        let task = Task { [self] in
            for await chunk in body where !chunk.isEmpty {
                guard push(chunk) else { break }
            }
            finish()
        }
        producer.withLock { $0 = task }
    }

    /// Copies waiting bytes into `buffer` (at most `max`) and returns their count; returns
    /// end of stream once finished; otherwise suspends the connection and returns 0.
    func read(into buffer: UnsafeMutablePointer<CChar>, max: Int) -> Int {
        state.withLock { state in
            guard let chunk = state.chunks.first else {
                if state.finished { return Int(MHD_CONTENT_READER_END_OF_STREAM) }
                MHD_suspend_connection(connection)
                state.suspended = true
                return 0
            }
            let count = min(max, chunk.count - state.offset)
            chunk.withUnsafeBytes {
                UnsafeMutableRawPointer(buffer).copyMemory(
                    from: $0.baseAddress! + state.offset, byteCount: count)
            }
            state.offset += count
            if state.offset == chunk.count {
                state.chunks.removeFirst()
                state.offset = 0
            }
            return count
        }
    }

    /// Ends the body: what was pushed is still sent, then the chunked body closes.
    func finish() {
        state.withLock { state in
            state.finished = true
            resumeIfSuspended(&state)
        }
    }

    /// Stops the producer and ends the body (server shutdown).
    func end() {
        producer.withLock { $0?.cancel() }
        finish()
    }

    /// Called when libmicrohttpd frees the response (sent, or the client went away): stops
    /// the producer, whose stream then sees its termination.
    func release() {
        state.withLock { $0.released = true }
        producer.withLock { $0?.cancel() }
        onRelease(self)
    }

    /// Queues a chunk; false once libmicrohttpd no longer wants any.
    private func push(_ chunk: [UInt8]) -> Bool {
        state.withLock { state in
            guard !state.released, !state.finished else { return false }
            state.chunks.append(chunk)
            resumeIfSuspended(&state)
            return true
        }
    }

    private func resumeIfSuspended(_ state: inout State) {
        guard state.suspended, !state.released else { return }
        state.suspended = false
        MHD_resume_connection(connection)
    }
}
