import Ledger

/// `bsd-ledger stats --data DIR`: what the log holds.
struct StatsCommand {
    let folder: String

    init(options: inout Options) throws {
        folder = try options.dataFolder()
        try options.finish()
    }

    func run() throws -> Int32 {
        let ledger = try Ledger(path: folder)
        defer { ledger.close() }
        let head = try ledger.head()
        var types: [String: Int] = [:]
        var streams = Set<String>()
        var first: Int64?
        var last: Int64?
        try ledger.scan(after: 0) { view in
            types[String(decoding: view.typeBytes, as: UTF8.self), default: 0] += 1
            streams.insert(String(decoding: view.streamIDBytes, as: UTF8.self))
            first = first ?? view.recordedAt
            last = view.recordedAt
            return true
        }
        Output.line("data folder: \(folder)")
        Output.line("events: \(head.position)")
        Output.line("streams: \(streams.count)")
        Output.line("head hash: \(head.hash)")
        if let first, let last {
            Output.line("first event: \(Timestamp.format(first))")
            Output.line("last event: \(Timestamp.format(last))")
        }
        for (type, count) in types.sorted(by: { $0.key < $1.key }) {
            Output.line("  \(type): \(count)")
        }
        return 0
    }
}
