import Glibc
import Synchronization

/// One message with its context, as handed to a ``LogHandler``.
public struct LogRecord: Sendable, Equatable {
    /// Severity.
    public var level: Logger.Level
    /// The logger's label.
    public var label: String
    /// The message, without data.
    public var message: String
    /// The data, by dotted key.
    public var metadata: Logger.Metadata

    /// Makes a record.
    public init(level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) {
        self.level = level
        self.label = label
        self.message = message
        self.metadata = metadata
    }
}

/// Where log records go.
public protocol LogHandler: Sendable {
    /// Writes one record; called from any thread.
    func write(_ record: LogRecord)
}

/// Drops everything.
struct DiscardingLogHandler: LogHandler {
    func write(_ record: LogRecord) {}
}

/// Writes one line per record to standard error, in logfmt after the level and label:
/// `info ledger: Ledger opened ledger.head.position=42 ledger.path=data`.
public struct StandardErrorLogHandler: LogHandler {
    /// Makes the handler.
    public init() {}

    /// Formats and writes `record` in one `write` call, so lines from threads never interleave.
    public func write(_ record: LogRecord) {
        var line = "\(record.level.name) \(record.label): \(record.message)"
        for key in record.metadata.keys.sorted() {
            line += " \(key)=\(Self.quoted(record.metadata[key]!))"
        }
        line += "\n"
        var bytes = Array(line.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }

    private static func quoted(_ value: String) -> String {
        let plain =
            !value.isEmpty && value.utf8.allSatisfy { $0 > 0x20 && $0 != 0x22 && $0 != 0x3D }
        if plain { return value }
        return "\"" + value.replacingBackslashesAndQuotes() + "\""
    }
}

extension String {
    fileprivate func replacingBackslashesAndQuotes() -> String {
        var out = ""
        for character in self {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }
}

/// Keeps records in memory, for tests that assert on what was logged.
public final class InMemoryLogHandler: LogHandler {
    private let records = Mutex<[LogRecord]>([])

    /// Makes an empty handler.
    public init() {}

    /// Appends `record`.
    public func write(_ record: LogRecord) {
        records.withLock { $0.append(record) }
    }

    /// Everything written so far, in order.
    public var written: [LogRecord] { records.withLock { $0 } }
}
