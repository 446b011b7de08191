/// The `Subscription` root type and its change type, appended to the API schema. Served over
/// WebSocket (`graphql-transport-ws` on `/graphql`) and over Server-Sent Events
/// (graphql-sse, distinct connections: `Accept: text/event-stream` on `/graphql`).
enum SubscriptionSchema {
    static let sdl = """
        type Subscription {
          "Changes of the BSDs company siret may read, in ledger order (so each BSD's in commit \
        order). Without after: from now on. With after: first every change after that position \
        from the log, then live, with no gap and no repeat. siret is required when you belong to \
        several companies. A subscriber that falls further behind than the server's subscriber \
        buffer (serve --subscriber-buffer, 1000 changes by default) is ended with \
        TOO_MANY_REQUESTS and extensions.resumeAfter: subscribe again with that after."
          formChanges(siret: String, after: Int): FormChange!
          "Every event of the BSDs your companies may read (visibility as of each event), in \
        ledger order; after works as for formChanges."
          ledgerEvents(after: Int): FormEvent!
        }

        "What a committed event did to a BSD."
        enum FormChangeAction { CREATED UPDATED DELETED }

        "One committed event of a BSD, as formChanges sends it."
        type FormChange {
          action: FormChangeAction!
          "The event's ledger position: pass the last one received as after to resume."
          position: Int!
          "The event type, such as FormSealed."
          eventType: String!
          formId: ID!
          "The BSD as it is now, when the company may still read it; null once deleted."
          form: Form
        }
        """
}
