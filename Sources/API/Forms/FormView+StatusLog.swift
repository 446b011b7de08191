import CanonicalJSON
import Domain
import GraphQL
import Projections

extension FormView {
    /// One status-log entry as `StatusLog`.
    /// - Parameters:
    ///   - entry: the entry.
    ///   - email: the acting user's email, when known.
    static func statusLog(_ entry: StatusLogEntry, email: String?) -> JSON {
        var object = ViewObject()
        object.set("id", String(entry.id))
        object.set("status", entry.status)
        object.set("loggedAt", ViewObject.dateTime(microseconds: entry.loggedAt))
        object.set("updatedFields", list: entry.updatedFields.map { json($0.jsonValue) })
        object.set(
            "form",
            .object(["id": .string(entry.formId), "readableId": .string(entry.readableId)]))
        if let userId = entry.userId {
            var user = ViewObject()
            user.set("id", userId)
            user.set("email", email)
            object.set("user", user.json)
        }
        return object.json
    }

    /// A `formsLifeCycle` page as `formsLifeCycleData`.
    /// - Parameters:
    ///   - page: the page read from the projection.
    ///   - email: the email of a user by id, when known.
    static func lifecycle(_ page: LifecyclePage, email: (String) -> String?) -> JSON {
        var object = ViewObject()
        object.set(
            "statusLogs",
            list: page.statusLogs.map { entry in
                statusLog(entry, email: entry.userId.flatMap(email))
            })
        object.set("hasNextPage", page.hasNextPage)
        object.set("hasPreviousPage", page.hasPreviousPage)
        object.set("startCursor", page.startCursor)
        object.set("endCursor", page.endCursor)
        object.set("count", page.count)
        return object.json
    }

    /// A canonical JSON tree as a GraphQL `JSON` value; object keys in sorted order, so
    /// that the same change always reads the same.
    static func json(_ value: JSONValue) -> JSON {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(Int(number))
        case .double(let number): return .double(number)
        case .string(let text): return .string(text)
        case .array(let elements): return .list(elements.map(json))
        case .object(let members):
            var object = JSONObject(capacity: members.count)
            for key in members.keys.sorted() { object[key] = json(members[key] ?? .null) }
            return .object(object)
        }
    }
}
