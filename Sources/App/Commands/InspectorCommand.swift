import Identity
import Inspection
import Ledger
import Logging
import Projections

/// `bsd-ledger inspector add|list|revoke --data DIR ...`: the operator's commands for
/// inspector accounts (reference §5, public authorities). An inspector is a user account
/// (created here when the email has none) with a grant in the `inspectors` stream: the
/// networks its requests must come from and, optionally, the companies it may control.
struct InspectorCommand {
    enum Action {
        case add(
            email: String, name: String?, password: String?, networks: [String], orgIds: [String]?)
        case list
        case revoke(email: String)
    }

    let folder: String
    let action: Action

    init(options: inout Options) throws {
        let verb = options.positional()
        folder = try options.dataFolder()
        switch verb {
        case "add":
            guard let email = try options.value("email") else {
                throw UsageError(message: "--email E")
            }
            let networks = try Self.repeated("allow-ip", &options)
            guard !networks.isEmpty else {
                throw UsageError(message: "--allow-ip CIDR is required (repeat it for several)")
            }
            let companies = try Self.repeated("company", &options)
            action = .add(
                email: email, name: try options.value("name"),
                password: try options.value("password"),
                networks: networks, orgIds: companies.isEmpty ? nil : companies)
        case "list":
            action = .list
        case "revoke":
            guard let email = try options.value("email") else {
                throw UsageError(message: "--email E")
            }
            action = .revoke(email: email)
        default:
            throw UsageError(message: "inspector add|list|revoke")
        }
        try options.finish()
    }

    /// Every value of a repeatable option.
    static func repeated(_ name: String, _ options: inout Options) throws -> [String] {
        var values: [String] = []
        while let value = try options.value(name) { values.append(value) }
        return values
    }

    func run() throws -> Int32 {
        if case .list = action { return try list() }
        let lock = try DataFolderLock(folder: folder)
        defer { lock.release() }
        let logger = Logger(label: "bsd-ledger", level: .warning, handler: JSONLinesLogHandler())
        var options = LedgerOptions()
        options.logger = logger
        options.projections = [IdentityProjection()]
        let ledger = try ProjectionRebuilder.openLedger(path: folder, options: options)
        defer { ledger.close() }
        let identity = try IdentityService(
            ledger: ledger, secrets: try InstanceSecrets.loadOrCreate(in: folder, logger: logger),
            configuration: IdentityConfiguration(), logger: logger)
        let directory = InspectorDirectory(ledger: ledger)
        let action = action
        return try AsyncWaiter.run { () async throws -> Int32 in
            switch action {
            case .add(let email, let name, let password, let networks, let orgIds):
                return try await Self.add(
                    email, name, password, networks, orgIds, identity, directory)
            case .revoke(let email):
                return try await Self.revoke(email, identity, directory)
            case .list:
                return 0
            }
        }
    }
}
