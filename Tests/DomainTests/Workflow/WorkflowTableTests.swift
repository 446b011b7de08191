import Domain
import Testing

/// Every (status, action) pair: the allowed ones land where the reference's machine says
/// (with neutral facts), all the others throw an invalid transition naming both.
@Suite struct WorkflowTableTests {
    /// The reference's transitions (§1.2) plus cancellation and the resealing bypass.
    static let allowed: [FormStatus: [WorkflowAction: FormStatus]] = [
        .draft: [.seal: .sealed],
        .sealed: [
            .signEmission: .signedByProducer, .signTransport: .sent, .importPaperForm: .processed,
        ],
        .signedByProducer: [.signTransport: .sent, .cancel: .canceled],
        .sent: [
            .signTransport: .sent, .markReceived: .received, .markTempStored: .tempStored,
            .cancel: .canceled,
        ],
        .received: [.markAccepted: .accepted],
        .accepted: [.markProcessed: .processed, .markResealed: .resealed],
        .awaitingGroup: [.markGrouped: .grouped],
        .grouped: [.markProcessed: .processed],
        .tempStored: [.markTempStorerAccepted: .tempStorerAccepted, .cancel: .canceled],
        .tempStorerAccepted: [
            .markResealed: .resealed, .markResent: .resent, .markProcessed: .processed,
            .cancel: .canceled,
        ],
        .resealed: [
            .markResent: .resent, .signTransport: .resent,
            .signTempStorerEmission: .signedByTempStorer,
            .markResealed: .resealed, .cancel: .canceled,
        ],
        .signedByTempStorer: [.markResent: .resent, .signTransport: .resent, .cancel: .canceled],
        .resent: [.markReceived: .received, .cancel: .canceled],
    ]

    @Test func everyStatusActionPairFollowsTheTable() {
        var allowedCount = 0
        for status in FormStatus.allCases {
            for action in WorkflowAction.allCases {
                let expected = Self.allowed[status]?[action]
                do {
                    let next = try Workflow.next(from: status, on: action, facts: TransitionFacts())
                    #expect(next == expected, "\(status) + \(action)")
                    allowedCount += 1
                } catch {
                    #expect(expected == nil, "\(status) + \(action) should be allowed")
                    #expect(error == .invalidTransition(status: status, action: action))
                }
            }
        }
        #expect(allowedCount == 31)
        #expect(FormStatus.allCases.count == 18)
    }

    @Test func finalStatusesAllowNothing() {
        for status in FormStatus.allCases where status.isFinal {
            for action in WorkflowAction.allCases {
                #expect(!Workflow.allows(action, from: status))
            }
        }
    }

    @Test func cancellationOnlyFromTheSevenCancellableStatuses() {
        let cancellable = FormStatus.allCases.filter { Workflow.allows(.cancel, from: $0) }
        #expect(Set(cancellable) == FormStatus.cancellable)
        #expect(cancellable.count == 7)
    }
}
