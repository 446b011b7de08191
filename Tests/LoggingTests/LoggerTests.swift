import Logging
import Testing

@Suite struct LoggerTests {
    @Test func messagesBelowTheLevelAreNeitherBuiltNorWritten() {
        let handler = InMemoryLogHandler()
        let logger = Logger(label: "test", level: .info, handler: handler)
        var built = false
        logger.debug(
            {
                built = true; return "hidden"
            }())
        #expect(!built)
        #expect(handler.written.isEmpty)
    }

    @Test func recordsCarryLabelLevelAndMergedMetadata() {
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "ledger", level: .debug, handler: handler)
        logger.metadata["ledger.path"] = "data"
        logger.info(
            "Ledger opened", metadata: ["ledger.head.position": "7", "ledger.path": "other"])
        #expect(
            handler.written == [
                LogRecord(
                    level: .info, label: "ledger", message: "Ledger opened",
                    metadata: ["ledger.head.position": "7", "ledger.path": "other"])
            ])
    }

    @Test func discardingLoggerWritesNothingBelowError() {
        let logger = Logger.discarding(label: "quiet")
        #expect(logger.level == .error)
    }
}
