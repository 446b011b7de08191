import CanonicalJSON
import Foundation
import Testing

@testable import API

/// The catalogue's road-control schemas and the code agree: each example decodes, and
/// encoding it again gives the example's canonical bytes.
@Suite struct RoadControlEventTests {
    @Test(arguments: ["PdfAccessTokenCreated", "PdfAccessTokenUsed"])
    func schemaExampleIsWhatTheServerWrites(type: String) throws {
        let marker = try #require("\(#filePath)".firstRange(of: "/Tests/APITests/"))
        let root = String("\(#filePath)"[..<marker.lowerBound])
        let data = try Data(
            contentsOf: URL(fileURLWithPath: "\(root)/events/\(type)/v1.schema.json"))
        let schema = try CanonicalJSON.decode(JSONValue.self, from: Array(data))
        guard case .array(let examples)? = schema["examples"], let example = examples.first else {
            Issue.record("\(type) has no example")
            return
        }
        let bytes = CanonicalJSON.encode(example)
        let event = try #require(RoadControlEvent.decode(type: type, payload: bytes))
        #expect(event.type == type)
        #expect(CanonicalJSON.encode(event.payload) == bytes)
    }

    @Test func aPayloadOfAnotherShapeIsNotRead() {
        let bytes = CanonicalJSON.encode(["tokenId": "t", "formId": "f"] as JSONValue)
        #expect(RoadControlEvent.decode(type: "PdfAccessTokenUsed", payload: bytes) == nil)
        #expect(RoadControlEvent.decode(type: "FormSealed", payload: bytes) == nil)
    }

    @Test func theStreamNamesTheTokensHashNotTheToken() {
        let stream = RoadControlLinks.stream(token: "secret-token")
        #expect(stream.hasPrefix("pdf-access-token-"))
        #expect(!stream.contains("secret-token"))
        #expect(stream.count == "pdf-access-token-".count + 64)
        #expect(stream != RoadControlLinks.stream(token: "secret-tokeN"))
    }
}
