import Testing

@testable import Webhooks

@Suite struct AddressClassTests {
    @Test(
        arguments: [
            ([0, 1, 2, 3], AddressClass.unspecified),
            ([10, 0, 0, 1], .private), ([172, 16, 0, 1], .private),
            ([172, 31, 255, 255], .private),
            ([192, 168, 1, 1], .private), ([127, 0, 0, 1], .loopback),
            ([127, 255, 0, 9], .loopback),
            ([169, 254, 169, 254], .linkLocal), ([100, 64, 0, 1], .sharedAddressSpace),
            ([100, 127, 255, 254], .sharedAddressSpace), ([224, 0, 0, 1], .multicast),
            ([239, 255, 255, 250], .multicast), ([240, 0, 0, 1], .reserved),
            ([255, 255, 255, 255], .reserved), ([198, 18, 0, 1], .reserved),
            ([192, 0, 2, 7], .reserved), ([8, 8, 8, 8], .public), ([172, 32, 0, 1], .public),
            ([100, 128, 0, 1], .public), ([172, 15, 255, 255], .public),
        ] as [([UInt8], AddressClass)])
    func ipv4RangesAreClassified(address: [UInt8], expected: AddressClass) {
        #expect(AddressClass.of(ipv4: address) == expected)
    }

    private static func v6(_ groups: [UInt16]) -> [UInt8] {
        groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    @Test(
        arguments: [
            (v6([0, 0, 0, 0, 0, 0, 0, 1]), AddressClass.loopback),
            (v6([0, 0, 0, 0, 0, 0, 0, 0]), .unspecified),
            (v6([0xFC00, 0, 0, 0, 0, 0, 0, 1]), .uniqueLocal),
            (v6([0xFD12, 0x3456, 0, 0, 0, 0, 0, 1]), .uniqueLocal),
            (v6([0xFE80, 0, 0, 0, 0, 0, 0, 1]), .linkLocal),
            (v6([0xFEBF, 0, 0, 0, 0, 0, 0, 1]), .linkLocal),
            (v6([0xFF02, 0, 0, 0, 0, 0, 0, 1]), .multicast),
            (v6([0, 0, 0, 0, 0, 0xFFFF, 0x7F00, 0x0001]), .loopback),
            (v6([0, 0, 0, 0, 0, 0xFFFF, 0x0A00, 0x0001]), .private),
            (v6([0x0064, 0xFF9B, 0, 0, 0, 0, 0xA9FE, 0xA9FE]), .linkLocal),
            (v6([0x2002, 0xC0A8, 0x0101, 0, 0, 0, 0, 1]), .private),
            (v6([0x2001, 0x0DB8, 0, 0, 0, 0, 0, 1]), .reserved),
            (v6([0x2606, 0x4700, 0, 0, 0, 0, 0, 0x1111]), .public),
        ] as [([UInt8], AddressClass)])
    func ipv6RangesAreClassified(address: [UInt8], expected: AddressClass) {
        #expect(AddressClass.of(ipv6: address) == expected)
    }
}
