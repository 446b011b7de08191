/// A state folded from one stream: starts empty, applies events in order, remembers the
/// stream's last version.
protocol FoldableState: Sendable {
    init()
    mutating func evolve(_ event: IdentityEvent)
    var version: UInt64? { get set }
}

extension UserState: FoldableState {}
extension CompanyState: FoldableState {}
extension EmailState: FoldableState {}
