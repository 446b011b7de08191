import Ledger

/// One of the two sets of databases a projection owns. Queries and live writes use the
/// active slot; a rebuild fills the other one and then makes it active in one commit, so a
/// reader sees either the old model or the new one, never a mix.
public enum ProjectionSlot: String, CaseIterable, Sendable {
    /// The first set.
    case a
    /// The second set.
    case b

    /// The slot a rebuild writes into while this one is active.
    public var other: ProjectionSlot { self == .a ? .b : .a }
}

/// The databases of the forms projection in one slot.
struct FormDatabases {
    /// Short names of the databases inside a slot, in a fixed order.
    static let kinds = [
        "state", "readable", "company", "status", "waste", "custom", "role", "nextstep",
        "lifecycle", "register", "transporter",
    ]

    let slot: ProjectionSlot
    let state: Database
    let readable: Database
    let company: Database
    let status: Database
    let waste: Database
    let custom: Database
    let role: Database
    let nextStep: Database
    let lifecycle: Database
    let register: Database
    let transporter: Database

    /// The full LMDB name of database `kind` in `slot`.
    static func name(_ kind: String, _ slot: ProjectionSlot) -> String {
        "\(FormsProjection.projectionName).\(slot.rawValue).\(kind)"
    }

    init(slot: ProjectionSlot, resolve: (String) -> Database) {
        self.slot = slot
        state = resolve(Self.name("state", slot))
        readable = resolve(Self.name("readable", slot))
        company = resolve(Self.name("company", slot))
        status = resolve(Self.name("status", slot))
        waste = resolve(Self.name("waste", slot))
        custom = resolve(Self.name("custom", slot))
        role = resolve(Self.name("role", slot))
        nextStep = resolve(Self.name("nextstep", slot))
        lifecycle = resolve(Self.name("lifecycle", slot))
        register = resolve(Self.name("register", slot))
        transporter = resolve(Self.name("transporter", slot))
    }

    /// Every database of the slot, in ``kinds`` order.
    var all: [Database] {
        [
            state, readable, company, status, waste, custom, role, nextStep, lifecycle, register,
            transporter,
        ]
    }

    /// The database of `kind`.
    subscript(kind: Kind) -> Database {
        switch kind {
        case .state: state
        case .readable: readable
        case .company: company
        case .status: status
        case .waste: waste
        case .custom: custom
        case .role: role
        case .nextStep: nextStep
        case .lifecycle: lifecycle
        case .register: register
        case .transporter: transporter
        }
    }

    /// The kinds of database of a slot, in the order of ``kinds``.
    enum Kind: Int, CaseIterable {
        case state, readable, company, status, waste, custom, role, nextStep, lifecycle
        case register, transporter
    }
}
