/// French establishment numbers (SIRET): 14 digits checked with Luhn, with La Poste's rule.
public enum SIRET {
    /// The SIRET of the platform's emergency account, accepted whatever its checksum.
    static let emergencyAccount = "11111111192062"
    /// La Poste's headquarters, which follows the ordinary Luhn rule.
    static let laPosteHeadquarters = "35600000000048"

    /// Whether `siret` is a valid SIRET: 14 digits, not all zeros, and either Luhn-valid or,
    /// for La Poste's establishments (`356000000…` other than the headquarters), with a digit
    /// sum that is a multiple of 5.
    public static func isValid(_ siret: String) -> Bool {
        let bytes = Array(siret.utf8)
        guard bytes.count == 14, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return false
        }
        let digits = bytes.map { Int($0 - 0x30) }
        if digits.allSatisfy({ $0 == 0 }) { return false }
        if siret == emergencyAccount { return true }
        if siret.hasPrefix("356000000") && siret != laPosteHeadquarters {
            return digits.reduce(0, +) % 5 == 0
        }
        return luhnSum(digits) % 10 == 0
    }

    /// Luhn sum: every second digit from the right is doubled, minus 9 when above 9.
    static func luhnSum(_ digits: [Int]) -> Int {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            if offset % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum
    }
}
