/// French départements from postal codes: the first two digits, three for the overseas
/// ones (97x, 98x), and 2A or 2B for Corsica (postal codes 200xx–201xx and 202xx–206xx).
public enum Department {
    /// The département of a five-digit French postal code; nil for anything else.
    public static func of(postalCode: String) -> String? {
        let digits = Array(postalCode.utf8)
        guard digits.count == 5, digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
        let text = String(decoding: digits, as: UTF8.self)
        if text.hasPrefix("97") || text.hasPrefix("98") { return String(text.prefix(3)) }
        if text.hasPrefix("20") { return digits[2] <= UInt8(ascii: "1") ? "2A" : "2B" }
        if text.hasPrefix("00") { return nil }
        return String(text.prefix(2))
    }

    /// The département of the last five-digit group of an address line
    /// (`12 rue de la Paix 75002 Paris` gives 75); nil when there is none.
    public static func of(address: String) -> String? {
        var groups: [String] = []
        var current = ""
        for character in address + " " {
            if character.isASCII, character.isNumber {
                current.append(character)
            } else {
                if current.count == 5 { groups.append(current) }
                current = ""
            }
        }
        return groups.last.flatMap { of(postalCode: $0) }
    }
}
