import GraphQL
import Ledger
import Webhooks

/// Renders webhook values as the schema's types.
enum WebhookViews {
    /// A setting as `WebhookSetting`; the secret only when `showingSecret` (creation).
    static func setting(_ setting: WebhookSetting, showingSecret: Bool = false) -> JSON {
        .object([
            "id": .string(setting.id), "orgId": .string(setting.record.orgId),
            "endpointUri": .string(setting.record.endpointUri),
            "activated": .bool(setting.isActive),
            "payload": .string(setting.record.payload.rawValue),
            "createdAt": .string(Timestamp.format(setting.createdAt)),
            "deactivationReason": setting.deactivationReason.map(JSON.string) ?? .null,
            "secret": showingSecret ? .string(setting.record.secret) : .null,
        ])
    }

    /// A failure as `WebhookFailure`.
    static func failure(_ failure: WebhookFailure) -> JSON {
        .object([
            "position": .string(String(failure.position)), "webhookId": .string(failure.webhookId),
            "formId": .string(failure.formId), "attempts": .int(failure.attempts),
            "lastStatus": failure.lastStatus.map(JSON.int) ?? .null,
            "lastError": failure.lastError.map(JSON.string) ?? .null,
            "failedAt": .string(Timestamp.format(failure.failedAt)),
        ])
    }

    /// A `WebhookResendResult`.
    static func resend(delivered: Int, failed: Int) -> JSON {
        .object(["delivered": .int(delivered), "failed": .int(failed)])
    }

    /// One page of `items` as a connection: after the item whose cursor is `after`, at most
    /// `first` (50 by default, 1 to 100).
    /// - Throws: BAD_USER_INPUT for a `first` out of range or an unknown cursor.
    static func connection<Item>(
        _ items: [Item], cursor: (Item) -> String, node: (Item) -> JSON, first: Int?,
        after: String?
    ) throws(APIError) -> JSON {
        let size = first ?? 50
        guard (1...100).contains(size) else {
            var error = APIError(.badUserInput, "first takes 1 to 100.")
            error.issues = [("first", "OUT_OF_RANGE")]
            throw error
        }
        var start = 0
        if let after {
            guard let index = items.firstIndex(where: { cursor($0) == after }) else {
                var error = APIError(.badUserInput, "Unknown cursor \(after).")
                error.issues = [("after", "UNKNOWN_CURSOR")]
                throw error
            }
            start = index + 1
        }
        let page = items[start..<min(items.count, start + size)]
        let edges = page.map { JSON.object(["cursor": .string(cursor($0)), "node": node($0)]) }
        return .object([
            "totalCount": .int(items.count),
            "pageInfo": .object([
                "startCursor": page.first.map { .string(cursor($0)) } ?? .null,
                "endCursor": page.last.map { .string(cursor($0)) } ?? .null,
                "hasNextPage": .bool(start + size < items.count),
                "hasPreviousPage": .bool(start > 0),
            ]),
            "edges": .list(edges),
        ])
    }
}
