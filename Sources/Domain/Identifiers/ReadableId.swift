/// The human-readable BSD id `TD-YY-AAA00001`: the two-digit year, then a yearly counter
/// written as three letters and five digits. Counter 1 is `AAA00001`, 99 999 is `AAA99999`,
/// 100 000 is `AAB00001`; the letters count in base 26.
public enum ReadableId {
    /// Numbers per letter block (00001 … 99999).
    static let perBlock = 99_999
    /// The last counter value: 26³ letter blocks of 99 999.
    public static let maximumNumber = 26 * 26 * 26 * perBlock

    /// The id of counter value `number` (1 … ``maximumNumber``) in `year`.
    public static func format(year: Int, number: Int) -> String {
        precondition((1...maximumNumber).contains(number), "counter out of range: \(number)")
        let block = (number - 1) / perBlock
        let digits = (number - 1) % perBlock + 1
        let letters = [block / 676, block / 26 % 26, block % 26].map {
            Character(Unicode.Scalar(UInt8(65 + $0)))
        }
        let yy = year % 100
        let yearText = yy < 10 ? "0\(yy)" : "\(yy)"
        let digitText = String(digits)
        return "TD-\(yearText)-" + String(letters)
            + String(repeating: "0", count: 5 - digitText.count) + digitText
    }

    /// The two-digit year and counter value of a readable id, or nil when malformed.
    public static func parse(_ id: String) -> (yy: Int, number: Int)? {
        let bytes = Array(id.utf8)
        guard bytes.count == 14, bytes[0] == 0x54, bytes[1] == 0x44, bytes[2] == 0x2D,
            bytes[5] == 0x2D
        else { return nil }
        guard let yy = decimal(bytes[3..<5]), let digits = decimal(bytes[9..<14]), digits >= 1
        else { return nil }
        var block = 0
        for byte in bytes[6..<9] {
            guard byte >= 65, byte <= 90 else { return nil }
            block = block * 26 + Int(byte - 65)
        }
        return (yy, block * perBlock + digits)
    }

    private static func decimal(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
