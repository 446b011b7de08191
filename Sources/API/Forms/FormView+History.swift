import Domain
import GraphQL
import Projections

extension FormView {
    /// One event of a BSD as `FormEvent`.
    static func event(_ entry: HistoryEntry) -> JSON {
        var object = ViewObject()
        object.set("position", Int(entry.position))
        object.set("formId", entry.formId)
        object.set("type", entry.type)
        object.set("recordedAt", ViewObject.dateTime(microseconds: entry.recordedAt))
        object.set("status", entry.status)
        if let actor = entry.actor {
            var who = ViewObject()
            who.set("userId", actor.userId)
            who.set("companyOrgId", actor.companyOrgId)
            object.set("actor", who.json)
        }
        object.set("changes", list: entry.changes.map { json($0.jsonValue) })
        return object.json
    }

    /// A page of the change feed as `FormEventsPage`.
    static func events(_ page: ChangeFeed.Page) -> JSON {
        var object = ViewObject()
        object.set("events", list: page.events.map(event))
        object.set("cursor", Int(page.cursor))
        object.set("isAtHead", page.isAtHead)
        return object.json
    }
}
