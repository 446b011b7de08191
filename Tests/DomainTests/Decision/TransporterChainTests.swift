import Domain
import Testing

/// Multimodal chains whose transporters carry ids and readiness: who signs next, and what
/// a take-over locks.
@Suite struct TransporterChainTests {
    /// A BSD with three transporters `t1`, `t2`, `t3`, signed by the emitter; `notReady`
    /// names the ones prepared but not ready yet.
    func chain(notReady: Set<Int> = []) throws -> (TestWorld, String) {
        var world = TestWorld()
        var content = Fixtures.content()
        content.transporters = [
            Fixtures.transporter(Fixtures.transporterSiret),
            Fixtures.transporter(Fixtures.secondTransporterSiret, mode: .rail),
            Fixtures.transporter(Fixtures.storerSiret),
        ]
        for index in content.transporters.indices {
            content.transporters[index].id = "t\(index + 1)"
            content.transporters[index].readyToTakeOver = !notReady.contains(index)
        }
        let id = try world.create(content)
        try world.run(.seal, on: id)
        try world.run(.signEmission(Fixtures.emission()), on: id)
        return (world, id)
    }

    func expectRefusal(
        _ expected: DomainError, _ command: FormCommand, on id: String, in world: TestWorld
    ) {
        var copy = world
        #expect(throws: expected) { try copy.run(command, on: id) }
        #expect(copy.log == world.log, "a refused command emits nothing")
    }

    func transport(named transporterId: String? = nil) -> FormCommand {
        var input = Fixtures.transport()
        input.transporterId = transporterId
        return .signTransport(input)
    }

    @Test func readyTransportersSignInChainOrder() throws {
        var (world, id) = try chain()
        try world.run(transport(named: "t1"), on: id)
        try world.run(transport(), on: id)
        try world.run(transport(named: "t3"), on: id)
        let form = try #require(world.forms[id])
        #expect(form.transportSignatures.map(\.number) == [1, 2, 3])
        #expect(form.status == .sent)
    }

    @Test func nextTransporterNotReadyRefusesTheTakeOver() throws {
        var (world, id) = try chain(notReady: [1])
        try world.run(transport(), on: id)
        expectRefusal(
            .validationFailed([issue("transporters.1.readyToTakeOver", .transporterNotReady)]),
            transport(), on: id, in: world)
        // A later transporter that is ready does not jump the queue.
        expectRefusal(
            .validationFailed([issue("transporterId", .notNextTransporter)]),
            transport(named: "t3"), on: id, in: world)
    }

    @Test func firstTransporterNotReadyCannotTakeOverFromTheEmitter() throws {
        let (world, id) = try chain(notReady: [0])
        expectRefusal(
            .validationFailed([issue("transporters.0.readyToTakeOver", .transporterNotReady)]),
            transport(), on: id, in: world)
        #expect(world.forms[id]?.readyTransporterOrgId == nil)
        #expect(world.forms[id]?.nextTransporterOrgId == Fixtures.transporterSiret)
    }

    @Test func markingTheNextTransporterReadyLetsItSign() throws {
        var (world, id) = try chain(notReady: [1])
        try world.run(transport(named: "t1"), on: id)
        var content = try #require(world.forms[id]).content
        content.transporters[1].readyToTakeOver = true
        try world.run(.update(content), on: id, as: Fixtures.transporterActor)
        #expect(world.forms[id]?.readyTransporterOrgId == Fixtures.secondTransporterSiret)
        try world.run(transport(named: "t2"), on: id)
        #expect(world.forms[id]?.transportSignatures.count == 2)
    }

    @Test func takeOverNamingAnotherTransporterIsRefused() throws {
        let (world, id) = try chain()
        expectRefusal(
            .validationFailed([issue("transporterId", .notNextTransporter)]),
            transport(named: "t2"), on: id, in: world)
    }

    @Test func signedTransporterCannotBeChangedRemovedOrReordered() throws {
        var (world, id) = try chain()
        try world.run(transport(), on: id)
        let content = try #require(world.forms[id]).content
        var changed = content
        changed.transporters[0].customInfo = "changed"
        var renamed = content
        renamed.transporters[0].id = "t9"
        var removed = content
        removed.transporters.removeFirst()
        var reordered = content
        reordered.transporters.swapAt(0, 1)
        var notReady = content
        notReady.transporters[0].readyToTakeOver = false
        for edited in [changed, renamed, removed, reordered, notReady] {
            expectRefusal(
                .lockedFields(status: .sent, paths: ["transporters"]), .update(edited), on: id,
                in: world)
        }
    }

    @Test func unsignedTransportersMayStillBeEditedAddedOrRemoved() throws {
        var (world, id) = try chain()
        try world.run(transport(), on: id)
        var content = try #require(world.forms[id]).content
        content.transporters[1].customInfo = "quai 4"
        content.transporters.removeLast()
        var added = Fixtures.transporter(Fixtures.storerSiret)
        added.id = "t4"
        added.readyToTakeOver = false
        content.transporters.append(added)
        try world.run(.update(content), on: id)
        #expect(world.forms[id]?.content.transporters.compactMap(\.id) == ["t1", "t2", "t4"])
    }

    @Test func transporterIdsAreUniqueOnABSD() throws {
        var world = TestWorld()
        var content = Fixtures.content()
        var second = Fixtures.transporter(Fixtures.secondTransporterSiret)
        second.id = "t1"
        content.transporters[0].id = "t1"
        content.transporters.append(second)
        #expect(
            throws: DomainError.validationFailed([
                issue("transporters.1.id", .duplicateTransporterId)
            ])
        ) {
            try world.create(content)
        }
    }

    @Test func duplicateGivesUpTheOriginalsTransporterIds() throws {
        var (world, id) = try chain(notReady: [2])
        let original = Set(try #require(world.forms[id]).content.transporters.compactMap(\.id))
        let events = try world.run(.duplicate, on: id)
        let created = try #require(
            events.compactMap { event -> FormCreated? in
                if case .formCreated(let created) = event { return created }
                return nil
            }.first)
        let copy = created.content.transporters
        #expect(copy.allSatisfy { $0.readyToTakeOver })
        #expect(copy.map(\.id) == copy.indices.map { "\(created.header.formId)-\($0 + 1)" })
        #expect(original.isDisjoint(with: copy.compactMap(\.id)))
    }

    @Test func transportersWithoutIdsGetTheirsAndUpdatesKeepThem() throws {
        var world = TestWorld()
        var content = Fixtures.content()
        content.transporters = [
            Fixtures.transporter(Fixtures.transporterSiret),
            Fixtures.transporter(Fixtures.secondTransporterSiret, mode: .rail),
        ]
        let id = try world.create(content)
        let created = try #require(world.forms[id]).content.transporters.map(\.id)
        #expect(created == ["\(id)-1", "\(id)-2"])
        // An update naming the transporters by their place keeps their ids, and a new one
        // gets the next free number.
        content.transporters.append(Fixtures.transporter(Fixtures.storerSiret))
        _ = try world.run(.update(content), on: id)
        #expect(
            try #require(world.forms[id]).content.transporters.map(\.id)
                == ["\(id)-1", "\(id)-2", "\(id)-3"])
    }
}
