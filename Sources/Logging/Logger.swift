/// A small structured logger in the shape of swift-log: levels, a label, dotted metadata keys,
/// and message and metadata built only when the level is enabled.
///
/// Components receive a logger from their owner and never make their own. Data goes in
/// metadata (`ledger.position`), not in the message.
public struct Logger: Sendable {
    /// Severity, from the most verbose to the most severe.
    public enum Level: Int, Comparable, Sendable, CaseIterable {
        /// State changes of single connections or records.
        case trace
        /// One request's failure and other detail useful when investigating.
        case debug
        /// Lifecycle: started, opened, closed, grown.
        case info
        /// A configuration problem found at start, or a degraded but working state.
        case warning
        /// A failure of the process itself.
        case error

        /// Orders levels by severity.
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The lower-case name printed in log lines.
        public var name: String {
            switch self {
            case .trace: "trace"
            case .debug: "debug"
            case .info: "info"
            case .warning: "warning"
            case .error: "error"
            }
        }
    }

    /// Dotted keys to string values.
    public typealias Metadata = [String: String]

    /// Names the component, e.g. `ledger`.
    public var label: String
    /// Messages below this level are dropped before being built.
    public var level: Level
    /// Metadata attached to every message of this logger.
    public var metadata: Metadata
    private let handler: any LogHandler

    /// Makes a logger writing to `handler`.
    public init(label: String, level: Level = .info, handler: any LogHandler) {
        self.label = label
        self.level = level
        self.metadata = [:]
        self.handler = handler
    }

    /// A logger that writes nothing, for callers that do not care.
    public static func discarding(label: String) -> Logger {
        Logger(label: label, level: .error, handler: DiscardingLogHandler())
    }

    /// Logs `message` at `level` with the logger's metadata merged with `metadata`.
    public func log(
        _ level: Level, _ message: @autoclosure () -> String,
        metadata: @autoclosure () -> Metadata = [:]
    ) {
        guard level >= self.level else { return }
        let merged = self.metadata.merging(metadata()) { $1 }
        handler.write(LogRecord(level: level, label: label, message: message(), metadata: merged))
    }

    /// Logs at ``Level/trace``.
    public func trace(
        _ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]
    ) {
        log(.trace, message(), metadata: metadata())
    }

    /// Logs at ``Level/debug``.
    public func debug(
        _ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]
    ) {
        log(.debug, message(), metadata: metadata())
    }

    /// Logs at ``Level/info``.
    public func info(
        _ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]
    ) {
        log(.info, message(), metadata: metadata())
    }

    /// Logs at ``Level/warning``.
    public func warning(
        _ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]
    ) {
        log(.warning, message(), metadata: metadata())
    }

    /// Logs at ``Level/error``.
    public func error(
        _ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]
    ) {
        log(.error, message(), metadata: metadata())
    }
}
