import Glibc
import Synchronization

/// The responses that outlive their request's handler: streamed bodies and WebSocket
/// connections with their handlers. A shutdown ends them first, then waits for them.
final class LiveResponses: Sendable {
    private struct State {
        var streams: [ObjectIdentifier: ResponseStream] = [:]
        var channels: [ObjectIdentifier: WebSocketChannel] = [:]
        var handlers = 0
        var stopping = false
    }

    private let state = Mutex(State())

    /// Records a stream; false once the server is stopping (the stream must end at once).
    func add(_ stream: ResponseStream) -> Bool {
        state.withLock { state in
            guard !state.stopping else { return false }
            state.streams[ObjectIdentifier(stream)] = stream
            return true
        }
    }

    /// Forgets a stream libmicrohttpd released.
    func remove(_ stream: ResponseStream) {
        _ = state.withLock { $0.streams.removeValue(forKey: ObjectIdentifier(stream)) }
    }

    /// Records an open WebSocket and its handler about to start; false once the server is
    /// stopping (the connection must then close with 1001 and the handler not run).
    func add(_ channel: WebSocketChannel) -> Bool {
        state.withLock { state in
            guard !state.stopping else { return false }
            state.channels[ObjectIdentifier(channel)] = channel
            state.handlers += 1
            return true
        }
    }

    /// Forgets a WebSocket whose socket was handed back.
    func remove(_ channel: WebSocketChannel) {
        _ = state.withLock { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Counts a WebSocket handler that returned.
    func handlerEnded() {
        state.withLock { $0.handlers -= 1 }
    }

    /// True when no WebSocket is open and no WebSocket handler runs.
    var isIdle: Bool {
        state.withLock { $0.channels.isEmpty && $0.handlers == 0 }
    }

    /// Refuses new streams and WebSockets, ends the streams, and starts closing every
    /// WebSocket with 1001.
    func beginShutdown() {
        let (streams, channels) = state.withLock { state in
            state.stopping = true
            return (Array(state.streams.values), Array(state.channels.values))
        }
        for stream in streams { stream.end() }
        for channel in channels {
            Task {
                await channel.close(code: WebSocketCloseCode.goingAway, reason: "server stopping")
            }
        }
    }

    /// Stops every WebSocket's I/O at once (shutdown deadline) and waits, a second at most,
    /// until their sockets are handed back: libmicrohttpd must not stop while one is in use.
    /// Blocks briefly: an aborted pump only leaves its `poll` and returns the socket.
    func abortAll() {
        let channels = state.withLock { Array($0.channels.values) }
        for channel in channels { channel.abort() }
        for _ in 0..<1000 where !state.withLock({ $0.channels.isEmpty }) {
            usleep(1000)
        }
    }
}
