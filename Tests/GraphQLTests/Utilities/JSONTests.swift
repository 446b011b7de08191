import Testing

@testable import GraphQL

@Suite struct JSONTests {
    @Test func textKeepsKeyOrderAndEscapes() {
        let value: JSON = ["z": 1, "a": ["x\n\"y\"", .null, 2.5, true], "m": .string("\u{1}")]
        #expect(value.jsonText == #"{"z":1,"a":["x\n\"y\"",null,2.5,true],"m":"\u0001"}"#)
    }

    @Test func parseKeepsKeyOrderAndDecodesSurrogatePairs() throws {
        let value = try JSON.parse(#"{"b": [1, -2.5e1, "\ud83d\ude00 é"], "a": {"c": false}}"#)
        guard case .object(let object) = value else {
            Issue.record("expected an object")
            return
        }
        #expect(object.keys == ["b", "a"])
        #expect(value["b"] == [1, -25.0, "😀 é"])
        #expect(try JSON.parse(value.jsonText) == value)
    }

    @Test func malformedTextIsACoercionError() {
        for text in ["{", "[1,]", "{\"a\" 1}", "tru", "1 2", "\"open"] {
            do {
                _ = try JSON.parse(text)
                Issue.record("expected \(text) to be rejected")
            } catch {
                #expect(error.category == .coercion)
            }
        }
    }

    @Test func assigningNilRemovesAKey() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = nil
        object["c"] = 3
        #expect(object.keys == ["b", "c"])
    }
}
