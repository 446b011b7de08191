import Domain
import GraphQL

/// Quantities as the API gives them (tonnes, a GraphQL Float) turned into the domain's whole
/// grams, and packaging volumes (litres, a Float) into the domain's whole litres.
enum Tonnes {
    /// The largest quantity taken: a billion tonnes is no waste consignment.
    static let maximum = 1e9

    /// `value` tonnes rounded to the nearest gram (halves away from zero); nil for a value
    /// that is not a number, negative, infinite or above ``maximum``.
    ///
    /// The rounding works on the number's shortest decimal form, which is what the caller
    /// wrote: `0.0000005` t is half a gram and becomes 1 g, whereas multiplying the binary
    /// double by a million can land just under the half.
    static func weight(_ value: JSON) -> Weight? {
        guard let number = number(value), number.isFinite, number >= 0, number <= maximum else {
            return nil
        }
        guard let grams = roundedScaled(number, decimals: 6) else { return nil }
        return Weight(grams: grams)
    }

    /// A packaging volume in litres as whole litres: rounded to the nearest litre, but a
    /// positive volume under half a litre counts as one litre so that it stays positive. Nil
    /// for a value that is not a number, negative, infinite or above ``maximum``.
    static func litres(_ value: JSON) -> Int? {
        guard let number = number(value), number.isFinite, number >= 0, number <= maximum,
            let litres = roundedScaled(number, decimals: 0)
        else { return nil }
        return number > 0 && litres == 0 ? 1 : Int(litres)
    }

    /// A JSON number as a double.
    private static func number(_ value: JSON) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .double(let number): number
        default: nil
        }
    }

    /// `number × 10^decimals` rounded half away from zero, computed on the decimal digits of
    /// the number's shortest description (`"1.25"`, `"5e-07"`); nil when it does not fit.
    static func roundedScaled(_ number: Double, decimals: Int) -> Int64? {
        let text = "\(number)".lowercased()
        let parts = text.split(separator: "e", maxSplits: 1)
        guard let mantissa = parts.first else { return nil }
        var exponent = parts.count == 2 ? (Int(parts[1]) ?? 0) : 0
        var digits = ""
        for character in mantissa {
            if character == "." {
                exponent -= mantissa.split(separator: ".").last.map(\.count) ?? 0
            } else if character.isASCII, character.isNumber {
                digits.append(character)
            } else if character != "-" && character != "+" {
                return nil
            }
        }
        exponent += decimals
        let trimmed = String(digits.drop { $0 == "0" })
        if trimmed.isEmpty { return 0 }
        if exponent >= 0 {
            guard trimmed.count + exponent <= 18 else { return nil }
            return Int64(trimmed + String(repeating: "0", count: exponent))
        }
        let kept = trimmed.count + exponent
        if kept < 0 { return 0 }
        let whole = kept == 0 ? 0 : Int64(trimmed.prefix(kept)) ?? 0
        let firstDropped = trimmed.dropFirst(kept).first ?? "0"
        return firstDropped >= "5" ? whole + 1 : whole
    }
}
