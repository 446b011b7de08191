import GraphQL

/// The error that ends a subscription whose client fell too far behind: it names the last
/// position delivered, from which the client resumes with `after:`.
struct SubscriberTooSlow: Error, Equatable, GraphQLReportableError {
    /// How many changes the subscriber was allowed to fall behind.
    let capacity: Int
    /// The position of the last change delivered (or the starting point when none was).
    let lastDelivered: UInt64

    /// Says what happened and how to resume.
    var graphQLMessage: String {
        "Subscriber too slow: it fell \(capacity) changes behind; resume with after: "
            + "\(lastDelivered)."
    }

    /// TOO_MANY_REQUESTS with the position to resume after.
    var graphQLExtensions: JSONObject? {
        [
            "code": .string(APIError.Code.tooManyRequests.rawValue),
            "resumeAfter": .int(Int(lastDelivered)),
        ]
    }
}
