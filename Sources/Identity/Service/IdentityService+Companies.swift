import Domain

extension IdentityService {
    /// Creates a company (by SIRET, or VAT number when foreign) with `userId` as its ADMIN
    /// and a fresh 4-digit security code.
    /// - Throws: invalid input, ``Conflict/companyExists(orgId:)``.
    public func createCompany(
        userId: String, siret: String?, vatNumber: String?, companyName: String, address: String,
        companyTypes: [CompanyType]
    ) async throws(IdentityError) -> CompanyRecord {
        _ = try existingUser(userId)
        let input = try CompanyDecider.validateCreation(
            siret: siret, vatNumber: vatNumber, companyName: companyName, address: address,
            companyTypes: companyTypes)
        let code = Self.securityCode(differentFrom: "")
        let at = now
        let orgId = input.profile.orgId
        try await commit(actingUser: userId) { () throws(IdentityError) in
            try CompanyDecider.create(
                input, creator: userId, securityCode: code, at: at,
                existing: try load(CompanyState.self, IdentityStreams.company(orgId)))
        }
        return try companyRecord(orgId)
    }

    /// Updates a company's profile or links a transporter receipt (`CompanyCanUpdate`).
    public func updateCompany(
        userId: String, orgId: String, changes: CompanyChanges
    ) async throws(IdentityError) -> CompanyRecord {
        let orgId = Self.orgKey(orgId)
        let receiptExists =
            try changes.transporterReceiptId.map { id throws(IdentityError) in
                try queries.transporterReceipt(id) != nil
            } ?? false
        let at = now
        try await commit(actingUser: userId) { () throws(IdentityError) in
            try CompanyDecider.update(
                try existingCompany(orgId), by: userId, changes: changes,
                receiptExists: receiptExists, at: at)
        }
        return try companyRecord(orgId)
    }

    /// Records a transporter receipt, to link with ``updateCompany(userId:orgId:changes:)``.
    public func createTransporterReceipt(
        userId: String, receiptNumber: String, validityLimit: String, department: String
    ) async throws(IdentityError) -> TransporterReceipt {
        _ = try existingUser(userId)
        let id = newId()
        try await commit(actingUser: userId) { () throws(IdentityError) in
            try CompanyDecider.createTransporterReceipt(
                id: id, receiptNumber: receiptNumber, validityLimit: validityLimit,
                department: department, by: userId)
        }
        guard let receipt = try queries.transporterReceipt(id) else {
            throw .internalFailure("receipt \(id) missing from the projection")
        }
        return receipt
    }

    /// Invites `email` to the company with `role` (`CompanyCanManageMembers`): a membership
    /// at once when the email has an account, else an invitation turned into one at signup.
    public func inviteUserToCompany(
        userId: String, email: String, orgId: String, role: Role
    ) async throws(IdentityError) {
        let orgId = Self.orgKey(orgId)
        let email = InputRules.normaliseEmail(email)
        try await commit(actingUser: userId) { () throws(IdentityError) in
            try CompanyDecider.invite(
                email, role: role, to: try existingCompany(orgId), by: userId,
                emailState: try load(EmailState.self, IdentityStreams.email(email)))
        }
    }

    /// Removes `memberId` from the company (`CompanyCanManageMembers`; never the last ADMIN).
    public func removeUserFromCompany(
        userId: String, memberId: String, orgId: String
    ) async throws(IdentityError) {
        let orgId = Self.orgKey(orgId)
        try await commit(actingUser: userId) { () throws(IdentityError) in
            try CompanyDecider.remove(memberId, from: try existingCompany(orgId), by: userId)
        }
    }

    /// Gives `memberId` the role `role` (`CompanyCanManageMembers`; never demotes the last
    /// ADMIN).
    public func changeUserRole(
        userId: String, memberId: String, orgId: String, role: Role
    ) async throws(IdentityError) {
        let orgId = Self.orgKey(orgId)
        try await commit(actingUser: userId) { () throws(IdentityError) in
            try CompanyDecider.changeRole(
                of: memberId, to: role, in: try existingCompany(orgId), by: userId)
        }
    }

    /// Draws a new security code for the company (`CompanyCanRenewSecurityCode`).
    public func renewSecurityCode(
        userId: String, orgId: String
    ) async throws(IdentityError) -> CompanyRecord {
        let orgId = Self.orgKey(orgId)
        try await commit(actingUser: userId) { () throws(IdentityError) in
            let company = try existingCompany(orgId)
            return try CompanyDecider.renewSecurityCode(
                of: company, by: userId,
                newCode: Self.securityCode(differentFrom: company.securityCode))
        }
        return try companyRecord(orgId)
    }

    /// Checks a company's security code typed on `userId`'s device, with brute-force
    /// protection per user and company and per company (``SecurityCodeGuard``).
    /// - Throws: ``IdentityError/wrongSecurityCode(orgId:)``, then
    ///   ``IdentityError/tooManyRequests(retryAfterSeconds:)`` while locked.
    public func checkSecurityCode(
        userId: String, orgId: String, code: String
    ) throws(IdentityError) {
        let orgId = Self.orgKey(orgId)
        let (userKey, time) = (userId + ":" + orgId, now)
        if let until = securityCodes.lockedUntil(userKey, now: time) {
            throw .tooManyRequests(retryAfterSeconds: Int((until - time + 999_999) / 1_000_000))
        }
        guard code.count == 4, code.allSatisfy(\.isASCIIDigit) else {
            throw .invalidInput([InputIssue("securityCode", .invalidSecurityCode)])
        }
        let company = try companyRecord(orgId)
        try securityCodes.beginAttempt(userKey, now: time)
        do {
            try companyCodes.beginAttempt(orgId, now: time)
        } catch {
            securityCodes.withdrawAttempt(userKey)
            throw error
        }
        guard Sodium.constantTimeEqual(Array(code.utf8), Array(company.securityCode.utf8)) else {
            logger.debug(
                "Wrong security code", metadata: ["identity.user": userId, "identity.org": orgId])
            throw .wrongSecurityCode(orgId: orgId)
        }
        securityCodes.recordSuccess(userKey)
        companyCodes.withdrawAttempt(orgId)
    }

    /// A SIRET or VAT number as typed, reduced to the org id used as key.
    static func orgKey(_ input: String) -> String { VATNumber.clean(input) }

    /// A code in 1000…9999 that is not `current`.
    static func securityCode(differentFrom current: String) -> String {
        while true {
            let code = String(1000 + Sodium.randomInteger(below: 9000))
            if code != current { return code }
        }
    }

    private func companyRecord(_ orgId: String) throws(IdentityError) -> CompanyRecord {
        guard let company = try queries.company(orgId) else { throw .notFound(.company, id: orgId) }
        return company
    }
}
