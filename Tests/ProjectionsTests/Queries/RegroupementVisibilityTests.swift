import Domain
import Projections
import Testing

@Suite struct RegroupementVisibilityTests {
    @Test func emitterOfAGroupedBsdReadsTheRegroupement() throws {
        let world = try ProjectionWorld()
        try world.generate(seed: 8, commands: 1200)
        var checked = 0
        for index in 1...150 {
            guard
                let initial = try world.queries.read({ try $0.state("w8-\(index)") }),
                let link = initial.groupedIn.first,
                let emitter = initial.content.emitter.company?.siret
            else { continue }
            let regroupement = try world.queries.form(id: link.formId, companies: [emitter])
            #expect(regroupement != nil)
            #expect(regroupement?.content.emitter.company?.siret != emitter)
            var filter = FormsFilter(siret: emitter)
            filter.first = 100
            var found = false
            while !found {
                let page = try world.queries.forms(filter, companies: [emitter])
                found = page.contains { $0.id == link.formId }
                guard let last = page.last, page.count == 100 else { break }
                filter.cursorAfter = last.id
            }
            #expect(found)
            checked += 1
        }
        #expect(checked > 0)
    }
}
