/// Intra-community VAT numbers: a two-letter country prefix and a national part whose shape
/// depends on the country; French numbers also carry a checked key.
public enum VATNumber {
    /// National-part shapes per country prefix: `#` a digit, `@` a letter, `?` either, any
    /// other character itself. The list covers the EU plus Andorra, Norway, Serbia,
    /// Switzerland and the United Kingdom, as the reference engine does.
    static let shapes: [String: [String]] = [
        "AT": ["U########"], "BE": ["##########", "#########"], "BG": ["#########", "##########"],
        "CY": ["########@"], "CZ": ["########", "#########", "##########"], "DE": ["#########"],
        "DK": ["########"], "EE": ["#########"], "EL": ["#########"], "ES": ["?#######?"],
        "FI": ["########"], "FR": ["??#########"], "HR": ["###########"], "HU": ["########"],
        "IE": ["#######@", "#######@@", "#@#####@"], "IT": ["###########"],
        "LT": ["#########", "############"], "LU": ["########"], "LV": ["###########"],
        "MT": ["########"], "NL": ["#########B##"], "PL": ["##########"], "PT": ["#########"],
        "RO": [
            "##", "###", "####", "#####", "######", "#######", "########", "#########",
            "##########",
        ],
        "SE": ["############"], "SI": ["########"], "SK": ["##########"], "AD": ["@######@"],
        "NO": ["#########", "#########MVA"], "RS": ["#########"],
        "CH": ["E#########", "E#########MWST", "E#########TVA", "E#########IVA"],
        "GB": ["#########", "############", "GD###", "HA###"], "XI": ["#########", "############"],
    ]

    /// Upper-cases and strips everything but letters and digits, as the API does with input.
    public static func clean(_ input: String) -> String {
        String(
            input.uppercased().unicodeScalars.filter {
                $0.properties.isAlphabetic
                    && $0.isASCII || ("0"..."9").contains($0)
            }.map(Character.init))
    }

    /// Whether `input` (cleaned first) is a VAT number of a listed country, with a valid key
    /// when French.
    public static func isValid(_ input: String) -> Bool {
        let vat = clean(input)
        guard vat.count > 2 else { return false }
        let country = String(vat.prefix(2))
        let national = Array(vat.dropFirst(2))
        guard let candidates = shapes[country] else { return false }
        guard candidates.contains(where: { matches(national, Array($0)) }) else { return false }
        return country == "FR" ? isValidFrenchKey(national) : true
    }

    /// Whether `input` is a valid VAT number that is not French.
    public static func isForeign(_ input: String) -> Bool {
        isValid(input) && !clean(input).hasPrefix("FR")
    }

    /// French key: two digits equal to `(12 + 3 × (SIREN mod 97)) mod 97`, and a Luhn-valid
    /// SIREN.
    static func isValidFrenchKey(_ national: [Character]) -> Bool {
        guard let key = Int(String(national.prefix(2))),
            let siren = Int(String(national.dropFirst(2)))
        else { return false }
        let digits = national.dropFirst(2).compactMap { $0.wholeNumberValue }
        return key == (12 + 3 * (siren % 97)) % 97 && SIRET.luhnSum(digits) % 10 == 0
    }

    private static func matches(_ text: [Character], _ shape: [Character]) -> Bool {
        guard text.count == shape.count else { return false }
        for (character, rule) in zip(text, shape) {
            let isDigit = character.isASCII && character.isNumber
            let isLetter = character.isASCII && character.isLetter
            switch rule {
            case "#": if !isDigit { return false }
            case "@": if !isLetter { return false }
            case "?": if !(isDigit || isLetter) { return false }
            default: if character != rule { return false }
            }
        }
        return true
    }
}
