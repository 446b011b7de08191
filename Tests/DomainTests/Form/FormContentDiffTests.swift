import CanonicalJSON
import Domain
import Testing

/// Field diffs between contents: what `changes(to:)`, `applying(_:)` and `normalized()` give,
/// checked against a plain leaf-by-leaf reading of the two JSON trees.
@Suite struct FormContentDiffTests {
    /// Small edits that move blocks in and out, turn leaves into objects and back.
    static let edits: [@Sendable (inout FormContent) -> Void] = [
        { $0.customId = $0.customId == nil ? "ERP-1" : nil },
        { $0.emitter.company = nil },
        { $0.emitter.company?.mail = nil },
        { $0.recipient.cap = "CAP-2" },
        { $0.transporters = [] },
        { $0.transporters.append(Fixtures.transporter(Fixtures.secondTransporterSiret)) },
        { $0.wasteDetails.quantity = Weight(grams: 2_000) },
        { $0.wasteDetails = WasteDetails() },
        { $0.trader = TradingParty() },
        { $0.trader = nil },
        { $0.isDirectSupply.toggle() },
        { $0.temporaryStorageDestination = Recipient() },
        { $0.temporaryStorageDestination?.company = Fixtures.company(Fixtures.finalSiret, "F") },
        {
            var site = WorkSite()
            site.name = "Chantier"
            $0.emitter.workSite = site
        },
        { $0.emitter.workSite = nil },
    ]

    static func randomContent(_ random: inout SeededGenerator) -> FormContent {
        var content = Bool.random(using: &random) ? Fixtures.content() : FormContent()
        for _ in 0..<Int.random(in: 0...4, using: &random) {
            edits.randomElement(using: &random)!(&content)
        }
        return content
    }

    /// The leaves of a tree by dotted path, objects walked, everything else a leaf.
    static func leaves(_ value: JSONValue, _ prefix: String = "") -> [String: JSONValue] {
        guard case .object(let members) = value else { return [prefix: value] }
        var result: [String: JSONValue] = [:]
        for (key, member) in members {
            result.merge(leaves(member, prefix.isEmpty ? key : prefix + "." + key)) { a, _ in a }
        }
        return result
    }

    static func leafDiff(_ old: FormContent, _ new: FormContent) -> [FieldChange] {
        let before = leaves(old.jsonValue)
        let after = leaves(new.jsonValue)
        return Set(before.keys).union(after.keys).sorted().compactMap { path in
            before[path] == after[path]
                ? nil : FieldChange(path: path, from: before[path], to: after[path])
        }
    }

    @Test func changesAreTheLeavesThatDifferInPathOrder() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<400 {
            let old = Self.randomContent(&random)
            let new = Self.randomContent(&random)
            #expect(old.changes(to: new) == Self.leafDiff(old, new))
        }
    }

    @Test func applyingTheChangesGivesTheNormalisedTarget() throws {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<400 {
            let old = Self.randomContent(&random).normalized()
            let new = Self.randomContent(&random).normalized()
            #expect(try old.applying(old.changes(to: new)) == new)
        }
    }

    @Test func normalisingDropsBlocksWithoutAnyValue() {
        var content = Fixtures.content()
        content.trader = TradingParty()
        content.temporaryStorageDestination = Recipient()
        let normalized = content.normalized()
        #expect(normalized.trader == nil)
        #expect(normalized.temporaryStorageDestination == nil)
        #expect(Self.leaves(normalized.jsonValue) == Self.leaves(content.jsonValue))
        #expect(normalized.normalized() == normalized)
    }

    @Test func aRemovedLeafIsOneChangeAndEqualContentsHaveNone() {
        var old = FormContent()
        old.customId = "A"
        let new = FormContent()
        #expect(old.changes(to: new) == [FieldChange(path: "customId", from: "A", to: nil)])
        #expect(new.changes(to: new) == [])
    }
}
