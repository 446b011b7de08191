import Domain
import Testing

@Suite struct ReadableIdTests {
    static let boundaries: [(Int, String)] = [
        (1, "TD-26-AAA00001"), (99_999, "TD-26-AAA99999"), (100_000, "TD-26-AAB00001"),
        (199_998, "TD-26-AAB99999"), (199_999, "TD-26-AAC00001"),
        (2_599_974, "TD-26-AAZ99999"), (2_599_975, "TD-26-ABA00001"),
        (67_599_325, "TD-26-BAA00001"), (1_757_582_424, "TD-26-ZZZ99999"),
    ]

    @Test func maximumIsTheLastOfTheZZZBlock() {
        #expect(ReadableId.maximumNumber == 17_576 * 99_999)
    }

    @Test(arguments: boundaries)
    func counterValueFormatsAndParsesBack(_ number: Int, _ expected: String) throws {
        #expect(ReadableId.format(year: 2026, number: number) == expected)
        let parsed = try #require(ReadableId.parse(expected))
        #expect(parsed.yy == 26)
        #expect(parsed.number == number)
    }

    @Test func yearIsWrittenWithTwoDigits() {
        #expect(ReadableId.format(year: 2005, number: 7) == "TD-05-AAA00007")
        #expect(ReadableId.format(year: 2100, number: 7) == "TD-00-AAA00007")
    }

    @Test(arguments: [
        "TD-26-AAA00000", "TD-26-aaa00001", "TD-26-AAA0001", "BSD-26-AAA00001", "TD-2X-AAA00001",
        "TD-26-AA100001", "TD26-AAA000001",
    ])
    func malformedIdsDoNotParse(_ id: String) {
        #expect(ReadableId.parse(id) == nil)
    }

    @Test func consecutiveNumbersGiveDistinctIncreasingIds() {
        var previous = ""
        for number in stride(from: 99_990, through: 100_010, by: 1) {
            let id = ReadableId.format(year: 2026, number: number)
            #expect(id > previous)
            previous = id
        }
    }

    @Test func creationsReserveConsecutiveNumbersPerYear() throws {
        var world = TestWorld()
        let first = try world.create()
        let second = try world.create()
        world.now = Timestamp(year: 2027, month: 1, day: 1)
        let third = try world.create()
        #expect(world.forms[first]?.readableId == "TD-26-AAA00001")
        #expect(world.forms[second]?.readableId == "TD-26-AAA00002")
        #expect(world.forms[third]?.readableId == "TD-27-AAA00001")
        #expect(world.counters[2026]?.lastNumber == 2)
        #expect(world.counters[2026]?.version == 2)
    }

    @Test func counterOfAnotherYearIsRefused() {
        let context = DecisionContext(
            now: Fixtures.createdAt, actor: Fixtures.emitterActor, newFormId: "x",
            readableIdCounter: ReadableIdCounter(year: 2025))
        #expect(throws: DomainError.counterYearMismatch(counterYear: 2025, year: 2026)) {
            try FormDecider.decide(
                .create(Fixtures.content()), state: FormState(), context: context)
        }
    }

    @Test func exhaustedCounterIsRefused() {
        var counter = ReadableIdCounter(year: 2026)
        counter.lastNumber = ReadableId.maximumNumber
        let context = DecisionContext(
            now: Fixtures.createdAt, actor: Fixtures.emitterActor, newFormId: "x",
            readableIdCounter: counter)
        #expect(throws: DomainError.readableIdExhausted(year: 2026)) {
            try FormDecider.decide(
                .create(Fixtures.content()), state: FormState(), context: context)
        }
    }

    @Test func timestampYearHandlesBoundaries() {
        #expect(Timestamp(year: 2026, month: 1, day: 1).year == 2026)
        let lastMicrosecondOf2025 = Timestamp(
            microseconds: Timestamp(year: 2026, month: 1, day: 1).microseconds - 1)
        #expect(lastMicrosecondOf2025.year == 2025)
        #expect(Timestamp(year: 2024, month: 2, day: 29).year == 2024)
        #expect(Timestamp(microseconds: 0).year == 1970)
        #expect(Timestamp(microseconds: -1).year == 1969)
        #expect(Timestamp(year: 2026, month: 3, day: 1).microseconds == 1_772_323_200_000_000)
    }
}
