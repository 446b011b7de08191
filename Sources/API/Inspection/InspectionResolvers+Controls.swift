import GraphQL
import Identity
import Inspection

extension InspectionResolvers {
    /// `companyControls(siret, first, after)`: the records of inspector reads about the
    /// company, newest first, for its ADMINs.
    func companyControls(
        _ arguments: JSONObject, _ context: RequestContext
    ) throws(APIError) -> JSON {
        let userId = try context.requireUser()
        let siret = arguments.string("siret") ?? ""
        let role = try IdentityResolvers.identityValue { () throws(IdentityError) in
            try identity.queries.role(userId: userId, orgId: siret)
        }
        guard role == .admin else {
            throw APIError(.forbidden, "Only an ADMIN of company \(siret) sees its controls.")
        }
        let size = arguments.int("first") ?? 50
        guard (1...100).contains(size) else {
            throw InputReader.error([("first", "OUT_OF_RANGE")])
        }
        var before: UInt64?
        if let after = arguments.string("after") {
            guard let version = UInt64(after) else {
                throw InputReader.error([("after", "UNKNOWN_CURSOR")])
            }
            before = version
        }
        let (records, total): ([(version: UInt64, record: ControlRecord)], Int)
        do {
            records = try gate.log.records(orgId: siret, limit: size + 1, before: before)
            total = try gate.log.count(orgId: siret)
        } catch { throw APIError(error) }
        let page = records.prefix(size)
        let edges = page.map { entry in
            JSON.object(["cursor": .string(String(entry.version)), "node": Self.control(entry)])
        }
        return .object([
            "totalCount": .int(total),
            "pageInfo": .object([
                "startCursor": page.first.map { .string(String($0.version)) } ?? .null,
                "endCursor": page.last.map { .string(String($0.version)) } ?? .null,
                "hasNextPage": .bool(records.count > size),
                "hasPreviousPage": .bool(before != nil),
            ]),
            "edges": .list(Array(edges)),
        ])
    }

    private static func control(_ entry: (version: UInt64, record: ControlRecord)) -> JSON {
        let record = entry.record
        var view = ViewObject()
        view.set("id", "\(record.orgId)-\(entry.version)")
        view.set("controlId", record.controlId)
        view.set("inspectorEmail", record.inspectorEmail)
        view.set("operation", record.operation)
        view.set("formId", record.formId)
        view.set("readableId", record.readableId)
        view.set("from", record.from.map { ViewObject.dateTime(microseconds: $0) })
        view.set("to", record.to.map { ViewObject.dateTime(microseconds: $0) })
        view.set("remoteAddress", record.remoteAddress)
        view.set("at", ViewObject.dateTime(microseconds: record.at))
        return view.json
    }
}
