import CanonicalJSON
import Testing

@Suite struct CanonicalJSONTests {
    private func text(_ value: JSONValue) -> String {
        String(decoding: CanonicalJSON.encode(value), as: UTF8.self)
    }

    private func reason(_ json: String) -> JSONError.Reason? {
        do {
            try CanonicalJSON.validate(Array(json.utf8))
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func objectsAreWrittenWithSortedKeysAndNoWhitespace() {
        let value: JSONValue = ["b": 1, "a": [true, nil, "x"], "é": 2, "Z": ["y": 1, "x": 2]]
        #expect(text(value) == #"{"Z":{"x":2,"y":1},"a":[true,null,"x"],"b":1,"é":2}"#)
    }

    @Test func stringsEscapeOnlyWhatJSONRequires() {
        let value = JSONValue.string("a\"b\\c/d\u{1}\n\té€😀")
        #expect(text(value) == #""a\"b\\c/d\u0001\n\té€😀""#)
    }

    @Test func numbersUseFixedForms() {
        #expect(
            text([0, -0, .int(Int64.max), .int(Int64.min)])
                == "[0,0,9223372036854775807,-9223372036854775808]")
        #expect(text([1.5, 0.1, 1e-7, 1e21, -2.25]) == "[1.5,0.1,1e-07,1e+21,-2.25]")
    }

    @Test func negativeZeroIsWrittenLikeZero() {
        #expect(JSONValue.double(-0.0) == .double(0.0))
        #expect(text(.double(-0.0)) == text(.double(0.0)))
    }

    @Test func encodeThenDecodeGivesTheSameValue() throws {
        let value: JSONValue = [
            "list": [1, 2.5, "three", ["nested": nil]], "flag": false, "text": "ligne\u{2028}😀",
            "big": .int(Int64.min),
        ]
        let bytes = CanonicalJSON.encode(value)
        #expect(try CanonicalJSON.decode(JSONValue.self, from: bytes) == value)
        try CanonicalJSON.validate(bytes)
    }

    @Test func readerResolvesEscapesAndSurrogatePairs() throws {
        let json = Array(#"{"k":"\u00e9\ud83d\ude00\/\b\f\n\r\t\"\\"}"#.utf8)
        let value = try CanonicalJSON.decode(JSONValue.self, from: json)
        #expect(value["k"] == .string("é😀/\u{8}\u{c}\n\r\t\"\\"))
    }

    @Test(arguments: [
        ("{\"a\":1,\"a\":2}", JSONError.Reason.notCanonical),
        ("{\"b\":1,\"a\":2}", .notCanonical),
        ("{ \"a\":1}", .notCanonical),
        ("[1, 2]", .notCanonical),
        ("-0", .notCanonical),
        ("1.50", .notCanonical),
        ("-0.0", .notCanonical),
        ("1e-7", .notCanonical),
        ("1E5", .notCanonical),
        ("100000000000000000000000.0", .notCanonical),
        ("\"\\/\"", .notCanonical),
        ("\"\\u0041\"", .notCanonical),
        ("\"\\u000A\"", .notCanonical),
        ("\"\\u000a\"", .notCanonical),
        ("99999999999999999999", .numberOutOfRange),
        ("[1,]", .unexpectedByte),
        ("01", .trailingBytes),
        ("{\"a\":1", .unexpectedEnd),
        ("\"\u{1}\"", .invalidString),
        ("", .unexpectedEnd),
        ("nul", .unexpectedEnd),
    ])
    func validateRefusesNonCanonicalOrInvalidDocuments(json: String, expected: JSONError.Reason) {
        #expect(reason(json) == expected)
    }

    @Test(arguments: [
        "{}", "[]", "0", "-12", "1.5", "1.0", "1e-07", "\"\\u001f\"", "{\"\":null,\"a\":[]}",
        "true",
    ])
    func validateAcceptsCanonicalDocuments(json: String) {
        #expect(reason(json) == nil)
    }

    @Test func invalidUTF8IsRefused() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        #expect(throws: JSONError.self) { try CanonicalJSON.validate(bytes) }
    }

    @Test func deepNestingIsRefused() {
        let json = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(reason(json) == .tooDeep)
    }

    @Test func readerDecodesTypedValuesWithoutATree() throws {
        struct Sample: JSONDecodable {
            var name = ""
            var count: Int64 = 0
            var tags: [String] = []
            init(from reader: inout JSONReader) throws(JSONError) {
                var sample = Sample()
                try reader.readObject { key, value throws(JSONError) in
                    if key == "count" {
                        sample.count = try value.readInt()
                    } else if key == "name" {
                        sample.name = try value.readString()
                    } else if key == "tags" {
                        try value.readArray { element throws(JSONError) in
                            sample.tags.append(try element.readString())
                        }
                    } else {
                        try value.skipValue()
                    }
                }
                self = sample
            }
            private init() {}
        }
        let json = Array(
            #"{"count":42,"extra":{"x":[1,{"y":null}]},"name":"BSD","tags":["a","b"]}"#.utf8)
        let sample = try CanonicalJSON.decode(Sample.self, from: json)
        #expect(sample.name == "BSD")
        #expect(sample.count == 42)
        #expect(sample.tags == ["a", "b"])
        #expect(throws: JSONError(.typeMismatch, at: 9)) {
            try CanonicalJSON.decode(Sample.self, from: Array(#"{"count":"x"}"#.utf8))
        }
    }
}
