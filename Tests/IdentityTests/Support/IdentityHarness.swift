import Glibc
import Identity
import Ledger
import Logging
import Synchronization

/// A clock the test moves by hand, in microseconds.
final class ManualClock: Sendable {
    private let time = Mutex<Int64>(1_780_000_000_000_000)

    var now: Int64 { time.withLock { $0 } }

    func advance(seconds: Int64) { time.withLock { $0 += seconds * 1_000_000 } }
}

/// A data folder under /tmp, removed with its files when the harness ends.
final class ScratchFolder: Sendable {
    let path: String

    init() {
        var template = Array("/tmp/identity-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        if let folder = opendir(path) {
            while let entry = readdir(folder) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) {
                    String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != "." && name != ".." { unlink(path + "/" + name) }
            }
            closedir(folder)
        }
        rmdir(path)
    }
}

/// A ledger with the identity projection in a scratch folder, and a service over it with
/// the cheapest argon2id cost and a manual clock.
final class IdentityHarness {
    static let password = "correct horse battery"

    let folder: ScratchFolder
    let clock: ManualClock
    let logs = InMemoryLogHandler()
    private(set) var ledger: Ledger
    private(set) var service: IdentityService
    let configure: @Sendable (inout IdentityConfiguration) -> Void

    init(
        folder: ScratchFolder = ScratchFolder(), clock: ManualClock = ManualClock(),
        configure: @escaping @Sendable (inout IdentityConfiguration) -> Void = { _ in }
    ) throws {
        self.folder = folder
        self.clock = clock
        self.configure = configure
        (ledger, service) = try Self.open(folder, clock, logs, configure)
    }

    /// Closes the ledger and opens everything again from the folder, as a restart does.
    func restart() throws {
        ledger.close()
        (ledger, service) = try Self.open(folder, clock, logs, configure)
    }

    private static func open(
        _ folder: ScratchFolder, _ clock: ManualClock, _ logs: InMemoryLogHandler,
        _ configure: @Sendable (inout IdentityConfiguration) -> Void
    ) throws -> (Ledger, IdentityService) {
        var options = LedgerOptions()
        options.projections = [IdentityProjection()]
        options.durability = .noSync
        let ledger = try Ledger(path: folder.path, options: options)
        let logger = Logger(label: "identity", level: .debug, handler: logs)
        let secrets = try InstanceSecrets.loadOrCreate(in: folder.path, logger: logger)
        var configuration = IdentityConfiguration()
        configuration.passwordHashing = .testingMinimum
        configuration.clock = { clock.now }
        configuration.loginLimiter = nil
        configuration.loginAddressLimiter = nil
        configuration.signupLimiter = nil
        configure(&configuration)
        let service = try IdentityService(
            ledger: ledger, secrets: secrets, configuration: configuration, logger: logger)
        return (ledger, service)
    }

    deinit { ledger.close() }

    /// Signs up `email` with the standard password and returns the user id.
    func signup(_ email: String, name: String = "Test User") async throws -> String {
        try await service.signup(
            email: email, password: Self.password, name: name, clientKey: "127.0.0.1"
        ).userId
    }

    /// Creates a company with a valid SIRET, owned by `userId`.
    func company(
        _ siret: String = Fixture.siret, by userId: String,
        types: [CompanyType] = [.producer]
    ) async throws -> CompanyRecord {
        try await service.createCompany(
            userId: userId, siret: siret, vatNumber: nil, companyName: "Acme Déchets",
            address: "1 rue de la Paix, 75002 Paris", companyTypes: types)
    }

    /// The identity events stored in `stream`, decoded.
    func events(_ stream: String) throws -> [IdentityEvent] {
        try ledger.readStream(stream).map {
            try IdentityEvent.decode(
                type: $0.type, schemaVersion: $0.schemaVersion, payload: $0.payload)
        }
    }
}

/// Identifiers that pass the domain's checks.
enum Fixture {
    static let siret = "12345678000014"
    static let otherSiret = "85296374100008"
    static let foreignVat = "BE0123456789"
    static let frenchVat = "FR11123456782"
}
