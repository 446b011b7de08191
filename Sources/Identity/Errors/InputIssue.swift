/// One field at fault in an identity input: its path in the input and a stable code.
public struct InputIssue: Hashable, Sendable, CustomStringConvertible {
    /// The field's path, e.g. `userInfos.email` or `companyInput.siret`.
    public var path: String
    /// What is wrong.
    public var code: InputCode

    /// Makes an issue.
    public init(_ path: String, _ code: InputCode) {
        self.path = path
        self.code = code
    }

    /// `path: code`.
    public var description: String { "\(path): \(code.rawValue)" }
}

/// The stable code of an identity input error; the raw value is what integrators see.
public enum InputCode: String, CaseIterable, Sendable {
    /// A required field is missing or blank.
    case required
    /// Text longer than allowed.
    case tooLong
    /// Not an email address.
    case invalidEmail
    /// A password shorter than the minimum.
    case passwordTooShort
    /// A password longer than the maximum.
    case passwordTooLong
    /// A password equal to the account's email.
    case passwordSameAsEmail
    /// The current password given to change it is wrong.
    case wrongCurrentPassword
    /// Not a valid SIRET.
    case invalidSiret
    /// Not a valid VAT number.
    case invalidVat
    /// A French VAT number given where only a foreign one is allowed (use the SIRET).
    case frenchVatNotAllowed
    /// Both a SIRET and a VAT number, or neither.
    case siretOrVatRequired
    /// Not a known company type.
    case unknownCompanyType
    /// Not a role (ADMIN, MEMBER, DRIVER, READER).
    case unknownRole
    /// Not a date `YYYY-MM-DD`.
    case invalidDate
    /// Not a French department code.
    case invalidDepartment
    /// A security code that is not four digits.
    case invalidSecurityCode
}
