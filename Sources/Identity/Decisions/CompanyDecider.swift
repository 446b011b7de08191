/// Pure decisions on companies, their members and invitations. The acting user's role is
/// read from the company's state, so a decision never trusts a role handed in.
public enum CompanyDecider {
    /// A company input, checked and normalised.
    public struct Creation: Equatable, Sendable {
        /// The profile to create.
        public var profile: CompanyProfile
    }

    /// Checks a `createCompany` input: SIRET (or foreign VAT number), name, address, types.
    /// - Throws: ``IdentityError/invalidInput(_:)`` listing every field at fault.
    public static func validateCreation(
        siret: String?, vatNumber: String?, companyName: String, address: String,
        companyTypes: [CompanyType]
    ) throws(IdentityError) -> Creation {
        var issues: [InputIssue] = []
        let ids = InputRules.orgId(siret: siret, vatNumber: vatNumber, into: &issues)
        let name = InputRules.checkText(companyName, at: "companyInput.companyName", into: &issues)
        let address = InputRules.checkText(address, at: "companyInput.address", into: &issues)
        if companyTypes.isEmpty {
            issues.append(InputIssue("companyInput.companyTypes", .required))
        }
        guard issues.isEmpty else { throw .invalidInput(issues) }
        var types: [CompanyType] = []
        for type in companyTypes where !types.contains(type) { types.append(type) }
        let profile = CompanyProfile(
            orgId: ids.orgId, siret: ids.siret, vatNumber: ids.vat, name: name, address: address,
            companyTypes: types)
        return Creation(profile: profile)
    }

    /// Creates the company with `creator` as its first ADMIN.
    /// - Throws: ``Conflict/companyExists(orgId:)``.
    public static func create(
        _ input: Creation, creator: String, securityCode: String, at: Int64,
        existing: CompanyState
    ) throws(IdentityError) -> IdentityDecision {
        let orgId = input.profile.orgId
        guard !existing.exists else { throw .conflict(.companyExists(orgId: orgId)) }
        let events: [IdentityEvent] = [
            .companyCreated(input.profile, createdBy: creator, securityCode: securityCode, at: at),
            .memberAdded(orgId: orgId, userId: creator, role: .admin, viaInvitation: nil),
        ]
        return IdentityDecision(events, readAt: existing.version)
    }

    /// Updates the profile; linking a receipt needs `receiptExists`.
    /// - Throws: forbidden without `CompanyCanUpdate`; receipt not found.
    public static func update(
        _ company: CompanyState, by actor: String, changes: CompanyChanges, receiptExists: Bool,
        at: Int64
    ) throws(IdentityError) -> IdentityDecision {
        let orgId = try require(.companyCanUpdate, of: actor, on: company)
        var issues: [InputIssue] = []
        var changes = changes
        changes.name = changes.name.map { InputRules.checkText($0, at: "name", into: &issues) }
        changes.address = changes.address.map {
            InputRules.checkText($0, at: "address", into: &issues)
        }
        if changes.companyTypes?.isEmpty == true {
            issues.append(InputIssue("companyTypes", .required))
        }
        guard issues.isEmpty else { throw .invalidInput(issues) }
        if let receipt = changes.transporterReceiptId, !receiptExists {
            throw .notFound(.transporterReceipt, id: receipt)
        }
        return IdentityDecision(
            [.companyUpdated(orgId: orgId, changes: changes, at: at)], readAt: company.version)
    }

    /// Invites `email` (normalised) with `role`: a membership at once when the email has an
    /// account, else an invitation kept on the company and on the email's stream.
    public static func invite(
        _ email: String, role: Role, to company: CompanyState, by actor: String,
        emailState: EmailState
    ) throws(IdentityError) -> IdentityDecision {
        let orgId = try require(.companyCanManageMembers, of: actor, on: company)
        var issues: [InputIssue] = []
        InputRules.checkEmail(email, at: "email", into: &issues)
        guard issues.isEmpty else { throw .invalidInput(issues) }
        if let userId = emailState.userId {
            guard company.members[userId] == nil else {
                throw .conflict(.alreadyMember(orgId: orgId))
            }
            let event = IdentityEvent.memberAdded(
                orgId: orgId, userId: userId, role: role, viaInvitation: nil)
            return IdentityDecision([event], readAt: company.version)
        }
        guard company.invitations[email] == nil else {
            throw .conflict(.alreadyInvited(orgId: orgId))
        }
        var decision = IdentityDecision(
            [.userInvited(orgId: orgId, email: email, role: role, invitedBy: actor)],
            readAt: company.version)
        decision.append([.emailInvited(email: email, orgId: orgId)], readAt: emailState.version)
        return decision
    }

    /// Removes `userId` from the company.
    /// - Throws: forbidden without `CompanyCanManageMembers`; membership not found;
    ///   ``IdentityError/lastAdmin(orgId:)``.
    public static func remove(
        _ userId: String, from company: CompanyState, by actor: String
    ) throws(IdentityError) -> IdentityDecision {
        let orgId = try require(.companyCanManageMembers, of: actor, on: company)
        guard let role = company.members[userId] else { throw .notFound(.membership, id: userId) }
        if role == .admin && company.adminCount == 1 { throw .lastAdmin(orgId: orgId) }
        return IdentityDecision(
            [.memberRemoved(orgId: orgId, userId: userId)], readAt: company.version)
    }

    /// Gives `userId` the role `role`; the same role again appends nothing.
    public static func changeRole(
        of userId: String, to role: Role, in company: CompanyState, by actor: String
    ) throws(IdentityError) -> IdentityDecision {
        let orgId = try require(.companyCanManageMembers, of: actor, on: company)
        guard let current = company.members[userId] else {
            throw .notFound(.membership, id: userId)
        }
        if current == .admin && role != .admin && company.adminCount == 1 {
            throw .lastAdmin(orgId: orgId)
        }
        let events: [IdentityEvent] =
            current == role ? [] : [.memberRoleChanged(orgId: orgId, userId: userId, role: role)]
        return IdentityDecision(events, readAt: company.version)
    }

    /// Replaces the security code with `newCode`, which the caller drew different from the
    /// current one.
    public static func renewSecurityCode(
        of company: CompanyState, by actor: String, newCode: String
    ) throws(IdentityError) -> IdentityDecision {
        let orgId = try require(.companyCanRenewSecurityCode, of: actor, on: company)
        precondition(newCode != company.securityCode, "a renewed security code must differ")
        return IdentityDecision(
            [.securityCodeRenewed(orgId: orgId, securityCode: newCode)], readAt: company.version)
    }

    /// Records a transporter receipt.
    /// - Throws: ``IdentityError/invalidInput(_:)`` for a blank number, a bad date or department.
    public static func createTransporterReceipt(
        id: String, receiptNumber: String, validityLimit: String, department: String,
        by actor: String
    ) throws(IdentityError) -> IdentityDecision {
        var issues: [InputIssue] = []
        let number = InputRules.checkText(receiptNumber, at: "input.receiptNumber", into: &issues)
        if !InputRules.isDate(validityLimit) {
            issues.append(InputIssue("input.validityLimit", .invalidDate))
        }
        if !InputRules.isDepartment(department) {
            issues.append(InputIssue("input.department", .invalidDepartment))
        }
        guard issues.isEmpty else { throw .invalidInput(issues) }
        let receipt = TransporterReceipt(
            id: id, receiptNumber: number, validityLimit: validityLimit, department: department)
        return IdentityDecision(
            [.transporterReceiptCreated(receipt, createdBy: actor)], readAt: nil)
    }

    /// The company's org id when `actor` holds `permission` there.
    private static func require(
        _ permission: Permission, of actor: String, on company: CompanyState
    ) throws(IdentityError) -> String {
        guard let orgId = company.profile?.orgId else { throw .notFound(.company, id: "") }
        guard Permissions.can(company.members[actor], permission) else {
            throw .forbidden(permission: permission, orgId: orgId)
        }
        return orgId
    }
}
