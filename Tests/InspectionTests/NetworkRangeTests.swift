import Inspection
import Testing

@Suite struct NetworkRangeTests {
    @Test func anIPv4NetworkContainsItsAddressesOnly() throws {
        let range = try #require(NetworkRange("10.1.2.3/8"))
        #expect(range.description == "10.0.0.0/8")
        #expect(range.contains("10.255.0.1"))
        #expect(!range.contains("11.0.0.1"))
        #expect(!range.contains("not an address"))
    }

    @Test func aBareAddressIsANetworkOfOne() throws {
        let range = try #require(NetworkRange("127.0.0.1"))
        #expect(range.description == "127.0.0.1/32")
        #expect(range.contains("127.0.0.1"))
        #expect(!range.contains("127.0.0.2"))
    }

    @Test func ipv4MappedPeersMatchIPv4Networks() throws {
        let range = try #require(NetworkRange("192.0.2.0/24"))
        #expect(range.contains("::ffff:192.0.2.9"))
        #expect(!range.contains("2001:db8::1"))
    }

    @Test func ipv6NetworksCutInsideAByte() throws {
        let range = try #require(NetworkRange("2001:db8:ff00::/44"))
        #expect(range.contains("2001:db8:ff0f::1"))
        #expect(!range.contains("2001:db8:ff10::1"))
        #expect(!range.contains("192.0.2.1"))
    }

    @Test(arguments: ["", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/8/8", "::/129", "host.example"])
    func malformedNetworksAreRefused(text: String) {
        #expect(NetworkRange(text) == nil)
    }
}
