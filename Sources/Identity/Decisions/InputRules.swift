import Domain

/// Pure checks and normalisation of identity inputs; each collects every issue it finds.
public enum InputRules {
    /// The shortest password accepted.
    public static let minimumPasswordLength = 10
    /// The longest password accepted (argon2id takes any length; this bounds the work).
    public static let maximumPasswordLength = 128
    /// The longest name, address, description or receipt number accepted.
    public static let maximumTextLength = 300

    /// Trims surrounding white space and lower-cases the email.
    public static func normaliseEmail(_ email: String) -> String {
        String(email.trimmingWhiteSpace.lowercased())
    }

    /// Whether `email` (normalised) looks like an address: one `@`, a local part, a domain
    /// with a dot that neither starts nor ends it, no white space, at most 254 bytes.
    public static func isEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, email.utf8.count <= 254, !parts[0].isEmpty else { return false }
        let domain = parts[1]
        guard domain.contains("."), domain.first != ".", domain.last != "." else { return false }
        return !email.contains { $0.isWhitespace }
    }

    /// Adds the issues of an email field to `issues`.
    static func checkEmail(_ email: String, at path: String, into issues: inout [InputIssue]) {
        if email.isEmpty {
            issues.append(InputIssue(path, .required))
        } else if !isEmail(email) {
            issues.append(InputIssue(path, .invalidEmail))
        }
    }

    /// Adds the issues of a new password to `issues`.
    static func checkPassword(
        _ password: String, email: String, at path: String, into issues: inout [InputIssue]
    ) {
        let length = password.count
        if length < minimumPasswordLength {
            issues.append(InputIssue(path, .passwordTooShort))
        } else if length > maximumPasswordLength {
            issues.append(InputIssue(path, .passwordTooLong))
        } else if normaliseEmail(password) == email {
            issues.append(InputIssue(path, .passwordSameAsEmail))
        }
    }

    /// Adds the issues of a required text field to `issues` and returns it trimmed.
    static func checkText(
        _ text: String, at path: String, into issues: inout [InputIssue]
    ) -> String {
        let trimmed = String(text.trimmingWhiteSpace)
        if trimmed.isEmpty {
            issues.append(InputIssue(path, .required))
        } else if trimmed.count > maximumTextLength {
            issues.append(InputIssue(path, .tooLong))
        }
        return trimmed
    }

    /// The org id of a company from its SIRET or (foreign) VAT number, checked as the domain
    /// checks them; exactly one of the two must be given.
    static func orgId(
        siret: String?, vatNumber: String?, into issues: inout [InputIssue]
    ) -> (orgId: String, siret: String?, vat: String?) {
        let siret = siret.map { String($0.filter { !$0.isWhitespace }) }.flatMap(\.nonEmpty)
        let vat = vatNumber.map(VATNumber.clean).flatMap(\.nonEmpty)
        switch (siret, vat) {
        case (let siret?, nil):
            if !SIRET.isValid(siret) {
                issues.append(InputIssue("companyInput.siret", .invalidSiret))
            }
            return (siret, siret, nil)
        case (nil, let vat?):
            if !VATNumber.isValid(vat) {
                issues.append(InputIssue("companyInput.vatNumber", .invalidVat))
            } else if !VATNumber.isForeign(vat) {
                issues.append(InputIssue("companyInput.vatNumber", .frenchVatNotAllowed))
            }
            return (vat, nil, vat)
        default:
            issues.append(InputIssue("companyInput.siret", .siretOrVatRequired))
            return ("", nil, nil)
        }
    }

    /// Whether `text` is a calendar date `YYYY-MM-DD`.
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// Whether `code` is a French department: 01–95 (not 20), 2A, 2B, or 971–976.
    public static func isDepartment(_ code: String) -> Bool {
        if code == "2A" || code == "2B" { return true }
        guard code.allSatisfy(\.isASCIIDigit), let number = Int(code) else { return false }
        if code.count == 2 { return (1...95).contains(number) && number != 20 }
        return code.count == 3 && (971...976).contains(number)
    }
}

extension String {
    var trimmingWhiteSpace: Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return self[first...last]
    }

    var nonEmpty: String? { isEmpty ? nil : self }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
