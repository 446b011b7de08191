import Identity
import Inspection
import Ledger
import Projections

extension InspectorCommand {
    /// Creates the account when the email has none (with `password`, or a generated one
    /// that is printed), then records the grant. An account that belongs to a company, or
    /// an email with pending invitations (they become memberships at signup), is refused:
    /// inspectors only read, and a membership would let the account act for the company.
    static func add(
        _ email: String, _ name: String?, _ password: String?, _ networks: [String],
        _ orgIds: [String]?, _ identity: IdentityService, _ directory: InspectorDirectory
    ) async throws -> Int32 {
        // Everything is checked before an account may be created.
        for network in networks where NetworkRange(network) == nil {
            throw UsageError(message: "--allow-ip \(network) is not an address or CIDR network")
        }
        for orgId in orgIds ?? [] where !InspectorGrant.isOrgId(orgId) {
            throw UsageError(message: "--company \(orgId) is not a SIRET or VAT number")
        }
        var generated: String?
        let user: UserRecord
        if let existing = try identity.queries.user(email: email) {
            let memberships = try identity.queries.myCompanies(userId: existing.userId)
            guard memberships.isEmpty else {
                let companies = memberships.map { "\($0.orgId) (\($0.role.rawValue))" }.sorted()
                throw UsageError(
                    message: "\(email) is a member of \(companies.joined(separator: ", ")): "
                        + Self.noCompany)
            }
            user = existing
            if password != nil {
                Output.error("\(email) already has an account: its password is left unchanged")
            }
        } else {
            let invitations = try identity.queries.invitations(email: email).keys.sorted()
            guard invitations.isEmpty else {
                throw UsageError(
                    message: "\(email) is invited to \(invitations.joined(separator: ", ")): "
                        + Self.noCompany)
            }
            guard let name else { throw UsageError(message: "--name N (a new account needs one)") }
            if password == nil { generated = RandomToken.make(byteCount: 18) }
            user = try await identity.signup(
                email: email, password: password ?? generated!, name: name, clientKey: "cli")
        }
        try await directory.grant(
            userId: user.userId, email: user.email, name: name ?? user.name,
            networks: networks, orgIds: orgIds, now: Timestamp.now())
        let scope = orgIds.map { "companies " + $0.joined(separator: ", ") } ?? "every company"
        Output.line(
            "inspector \(user.email) (user \(user.userId)) may control \(scope) from "
                + networks.joined(separator: ", "))
        if let generated { Output.line("password: \(generated)") }
        return 0
    }

    /// Why `add` refuses an account with (or about to get) memberships.
    static let noCompany =
        "an inspector account may belong to no company (inspectors only read; use another email)"

    /// Revokes the grant of the account with `email`.
    static func revoke(
        _ email: String, _ identity: IdentityService, _ directory: InspectorDirectory
    ) async throws -> Int32 {
        guard let user = try identity.queries.user(email: email) else {
            throw UsageError(message: "no account with email \(email)")
        }
        try await directory.revoke(userId: user.userId, now: Timestamp.now())
        Output.line("inspector \(email) revoked")
        return 0
    }

    /// Prints one line per inspector: email, name, state, networks, companies.
    func list() throws -> Int32 {
        let ledger = try ProjectionRebuilder.openLedger(path: folder)
        defer { ledger.close() }
        for grant in try InspectorDirectory(ledger: ledger).all() {
            let state = grant.isActive ? "active" : "revoked"
            let companies = grant.orgIds.map { $0.sorted().joined(separator: ",") } ?? "ALL"
            let networks = grant.networks.map(\.description).joined(separator: ",")
            let fields = [grant.email, grant.name, state, "networks=\(networks)"]
            Output.line((fields + ["companies=\(companies)"]).joined(separator: "\t"))
        }
        return 0
    }
}
