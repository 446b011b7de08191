import Domain
import Testing

@testable import API

@Suite struct ReadableIdDrawTests {
    @Test func idsCarryTheCreationDayAndNineBase32Characters() {
        let day = Timestamp(year: 2026, month: 12, day: 3)
        #expect(ReadableIdDraw.make(at: day, random: 0) == "BSD-20261203-000000000")
        #expect(ReadableIdDraw.make(at: day, random: 32) == "BSD-20261203-000000010")
        #expect(ReadableIdDraw.make(at: day, random: (1 << 45) - 1) == "BSD-20261203-ZZZZZZZZZ")
        #expect(
            ReadableIdDraw.make(at: Timestamp(year: 2024, month: 2, day: 29), random: 31)
                == "BSD-20240229-00000000Z")
    }

    @Test func drawnIdsUseOnlyTheCrockfordAlphabetAndDiffer() {
        let day = Timestamp(year: 2026, month: 1, day: 1)
        let ids = (0..<200).map { _ in ReadableIdDraw.next(at: day) }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let suffix = id.dropFirst("BSD-20260101-".count)
            #expect(suffix.count == 9)
            #expect(
                suffix.allSatisfy { !"ILOU".contains($0) && ReadableIdDraw.alphabet.contains($0) })
        }
    }
}
