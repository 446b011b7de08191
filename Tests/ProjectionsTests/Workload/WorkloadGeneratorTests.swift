import Domain
import Projections
import Testing

@Suite struct WorkloadGeneratorTests {
    @Test func sameSeedGivesSameCommands() {
        var first = WorkloadGenerator(seed: 7)
        var second = WorkloadGenerator(seed: 7)
        for _ in 0..<500 {
            let (a, b) = (first.next(), second.next())
            #expect(a.command == b.command)
            #expect(a.formId == b.formId)
            #expect(a.actor == b.actor)
            #expect(a.now == b.now)
        }
        #expect(first.sirets == second.sirets)
    }

    @Test func everyGeneratedCommandIsAcceptedAndEveryPathIsWalked() throws {
        let world = try ProjectionWorld()
        let (generator, report) = try world.generate(seed: 3, commands: 1500)
        #expect(report.commands == 1500)
        #expect(report.events >= 1500)
        var statuses = Set<FormStatus>()
        var deleted = 0
        var grouped = 0
        try world.queries.read { reader in
            for index in 1...200 {
                guard let state = try reader.state("w3-\(index)") else { continue }
                statuses.insert(state.status)
                if let copy = try reader.state("w3-\(index)-copy"), copy.isDeleted { deleted += 1 }
                if !state.groupedIn.isEmpty && state.status == .processed { grouped += 1 }
            }
        }
        #expect(grouped > 0)
        let items = try world.queries.read { reader in
            try (1...200).compactMap { try reader.state("w3-\($0)-item1") }
        }
        #expect(items.contains { $0.appendix1ContainerId != nil && $0.status == .processed })
        let expected: Set<FormStatus> = [.processed, .refused, .canceled]
        #expect(expected.isSubset(of: statuses))
        #expect(deleted > 0)
        #expect(generator.issued == 1500)
    }
}
