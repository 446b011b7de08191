import Testing

@testable import Webhooks

@Suite struct EndpointGuardTests {
    @Test func plainHTTPIsRefusedUnlessTheHostIsAllowlisted() throws {
        let strict = EndpointGuard(allowedHosts: [])
        #expect(throws: EndpointRefusal.notHTTPS) { try strict.check("http://127.0.0.1:9/hook") }
        let lenient = EndpointGuard(allowedHosts: ["127.0.0.1"])
        let checked = try lenient.check("http://127.0.0.1:9/hook")
        #expect(checked.address == "127.0.0.1")
        #expect(checked.resolveEntry == "127.0.0.1:9:127.0.0.1")
    }

    @Test func loopbackAndPrivateAddressesAreRefusedOverHTTPS() {
        let strict = EndpointGuard(allowedHosts: [])
        #expect(throws: EndpointRefusal.forbiddenAddress(host: "127.0.0.1", .loopback)) {
            try strict.check("https://127.0.0.1/hook")
        }
        #expect(throws: EndpointRefusal.forbiddenAddress(host: "10.1.2.3", .private)) {
            try strict.check("https://10.1.2.3:8443/hook")
        }
        #expect(throws: EndpointRefusal.forbiddenAddress(host: "169.254.169.254", .linkLocal)) {
            try strict.check("https://169.254.169.254/latest/meta-data")
        }
        #expect(throws: EndpointRefusal.forbiddenAddress(host: "::1", .loopback)) {
            try strict.check("https://[::1]:8443/hook")
        }
    }

    @Test func aNameResolvingToLoopbackIsRefused() {
        let strict = EndpointGuard(allowedHosts: [])
        #expect(throws: EndpointRefusal.self) { try strict.check("https://localhost/hook") }
    }

    @Test func malformedURLsAreRefused() {
        let strict = EndpointGuard(allowedHosts: ["127.0.0.1"])
        for text in [
            "ftp://example.com/", "https://user@127.0.0.1/", "https:///x", "https://a b/",
            "https://127.0.0.1:99999/", "127.0.0.1/hook",
            "https://example.com/" + String(repeating: "a", count: 300),
        ] {
            #expect(throws: EndpointRefusal.malformed, "\(text)") { try strict.check(text) }
        }
    }

    @Test func anIPv6LiteralIsPinnedInBrackets() throws {
        let lenient = EndpointGuard(allowedHosts: ["::1"])
        let checked = try lenient.check("http://[::1]:8080/x")
        #expect(checked.isIPv6)
        #expect(checked.resolveEntry == "::1:8080:[::1]")
    }

    @Test func numericHostsAreToldFromNames() {
        #expect(EndpointGuard.isNumeric("127.0.0.1"))
        #expect(EndpointGuard.isNumeric("::1"))
        #expect(EndpointGuard.isNumeric("2001:db8::5"))
        #expect(!EndpointGuard.isNumeric("localhost"))
        #expect(!EndpointGuard.isNumeric("10.0.0"))
        #expect(!EndpointGuard.isNumeric("example.org"))
    }

    @Test func aNumericHostIsCheckedWithoutALookupThread() async {
        let strict = EndpointGuard(allowedHosts: [])
        #expect(
            await strict.checkDetached("https://10.1.2.3/x")
                == .failure(.forbiddenAddress(host: "10.1.2.3", .private)))
        #expect(await strict.checkDetached("not a url") == .failure(.malformed))
        let lenient = EndpointGuard(allowedHosts: ["127.0.0.1"])
        let checked = await lenient.checkDetached("http://127.0.0.1:9/x")
        #expect((try? checked.get())?.address == "127.0.0.1")
    }
}
