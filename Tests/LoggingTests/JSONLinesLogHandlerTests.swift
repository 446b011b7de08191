import Foundation
import Logging
import Testing

@Suite struct JSONLinesLogHandlerTests {
    @Test func eachRecordIsOneParsableJSONLineWithMetadataBesideTheFixedKeys() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let handler = JSONLinesLogHandler(descriptor: ends[1])
        handler.write(
            LogRecord(
                level: .warning, label: "api", message: "Odd \"input\"\n\u{1}é",
                metadata: ["request.id": "r-1", "level": "shadowed"]))
        close(ends[1])
        let data = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true).readDataToEndOfFile()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 1)
        let object =
            try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: String]
        #expect(
            object == [
                "label": "api", "level": "warning", "message": "Odd \"input\"\n\u{1}é",
                "request.id": "r-1", "meta.level": "shadowed",
            ])
    }
}
