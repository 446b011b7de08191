import Glibc
import Ledger
import Synchronization

/// `bsd-ledger crash-writer --data DIR [--threads N]`: appends forever from N threads and
/// prints `POSITION EVENT-ID` for each acknowledged event. The crash test kills it with
/// SIGKILL and checks that every printed event survived.
struct CrashWriterCommand {
    let folder: String
    let threads: Int

    init(options: inout Options) throws {
        folder = try options.dataFolder()
        threads = Int(try options.value("threads") ?? "4") ?? 4
        try options.finish()
    }

    func run() throws -> Int32 {
        let ledger = try Ledger(path: folder)
        let printing = Mutex(())
        for worker in 0..<threads {
            let thread = Thread {
                var counter = 0
                while true {
                    counter += 1
                    let id = EventID.timeOrdered(microseconds: Timestamp.now())
                    let payload = Array("{\"n\":\(counter),\"worker\":\(worker)}".utf8)
                    let event = NewEvent(id: id, type: "CrashTestAppended", payload: payload)
                    guard
                        let positions = try? ledger.appendWaiting(
                            [event], to: "crash-\(worker % 3)", expected: .any)
                    else {
                        continue
                    }
                    printing.withLock { _ in Output.line("\(positions[0]) \(id)") }
                }
            }
            thread.start()
        }
        while true { sleep(60) }
    }
}
