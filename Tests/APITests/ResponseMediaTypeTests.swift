import Testing

@testable import API

@Suite struct ResponseMediaTypeTests {
    @Test(
        arguments: [
            (nil, ResponseMediaType.json), ("", .json), ("*/*", .json),
            ("application/graphql-response+json", .graphQLResponse),
            ("application/json;q=0.9, application/graphql-response+json", .graphQLResponse),
            ("application/graphql-response+json;q=0.5, application/json", .json),
            (" application/json ; charset=utf-8", .json),
        ] as [(String?, ResponseMediaType)])
    func acceptHeadersChooseTheResponseType(accept: String?, expected: ResponseMediaType) {
        #expect(ResponseMediaType.negotiate(accept: accept) == expected)
    }

    @Test func unacceptableTypesChooseNothing() {
        #expect(ResponseMediaType.negotiate(accept: "text/html") == nil)
        #expect(ResponseMediaType.negotiate(accept: "application/json;q=0") == nil)
    }

    @Test func trimmingRemovesOnlyOuterSpacesAndTabs() {
        #expect(" \ta b\t ".trimmingWhitespace == "a b")
        #expect("  ".trimmingWhitespace == "")
        #expect("é".trimmingWhitespace == "é")
    }
}
