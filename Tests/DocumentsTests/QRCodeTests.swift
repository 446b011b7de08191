import Testing

@testable import Documents

@Suite struct QRCodeTests {
    /// The 7×7 finder pattern: a dark ring, a light ring, a dark 3×3 centre.
    static func hasFinder(_ code: QRCode, row: Int, column: Int) -> Bool {
        (0..<7).allSatisfy { r in
            (0..<7).allSatisfy { c in
                let ring = max(abs(r - 3), abs(c - 3))
                return code.isDark(row: row + r, column: column + c) == (ring != 2)
            }
        }
    }

    @Test func readableIdFitsAVersionOneOrTwoSymbolWithItsThreeFinders() throws {
        let code = try QRCode("TD-26-AAA00001")
        #expect(code.size == 21 || code.size == 25)
        #expect(code.modules.count == code.size * code.size)
        let far = code.size - 7
        #expect(Self.hasFinder(code, row: 0, column: 0))
        #expect(Self.hasFinder(code, row: 0, column: far))
        #expect(Self.hasFinder(code, row: far, column: 0))
    }

    @Test func differentTextsGiveDifferentSymbols() throws {
        #expect(try QRCode("TD-26-AAA00001") != QRCode("TD-26-AAA00002"))
    }
}
