import Glibc
import Projections

/// Shows a rebuild's progress: a bar redrawn in place on a terminal, plain lines otherwise
/// (one per chunk), both with events per second and the time left.
struct ProgressDisplay {
    let isTerminal = isatty(2) == 1

    func show(_ progress: RebuildProgress) {
        let rate = Int(progress.rate)
        let eta = progress.remainingSeconds.map { "\(Int($0.rounded(.up)))s" } ?? "?"
        let counts = "\(progress.events)/\(progress.total) events, \(rate) events/s, ETA \(eta)"
        guard isTerminal else {
            Output.error("rebuild \(progress.projection): \(counts)")
            return
        }
        let width = 30
        let done =
            progress.total == 0 ? width : Int(progress.events * UInt64(width) / progress.total)
        let bar =
            String(repeating: "#", count: min(width, done))
            + String(repeating: ".", count: max(0, width - done))
        let line = Array("\r\(progress.projection) [\(bar)] \(counts)   ".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    /// Ends the bar's line.
    func finish() {
        if isTerminal { Output.error("") }
    }
}
