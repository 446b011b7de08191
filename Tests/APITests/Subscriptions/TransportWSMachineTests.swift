import GraphQL
import Ledger
import Testing

@testable import API

@Suite struct TransportWSMachineTests {
    /// A machine that received `connection_init` and was authenticated.
    static func ready() -> TransportWSMachine {
        var machine = TransportWSMachine()
        _ = machine.received(text: #"{"type":"connection_init"}"#)
        _ = machine.authenticated(true)
        return machine
    }

    static let subscribe =
        #"{"id":"1","type":"subscribe","payload":{"query":"subscription { a }"}}"#

    @Test func initAsksForAuthenticationThenAcknowledges() {
        var machine = TransportWSMachine()
        let payload: JSONObject = ["authToken": "t"]
        #expect(
            machine.received(text: #"{"type":"connection_init","payload":{"authToken":"t"}}"#)
                == [.authenticate(payload: payload)])
        #expect(machine.phase == .authenticating)
        #expect(machine.authenticated(true) == [.send(.connectionAck)])
        #expect(machine.phase == .ready)
    }

    @Test func refusedCredentialsClose4403() {
        var machine = TransportWSMachine()
        _ = machine.received(text: #"{"type":"connection_init"}"#)
        #expect(machine.authenticated(false) == [.close(code: 4403, reason: "Forbidden")])
        #expect(machine.received(text: #"{"type":"ping"}"#) == [])
    }

    @Test func aSecondInitCloses4429EvenWhileAuthenticating() {
        var machine = TransportWSMachine()
        _ = machine.received(text: #"{"type":"connection_init"}"#)
        let actions = machine.received(text: #"{"type":"connection_init"}"#)
        #expect(actions.first.map(Self.code) == 4429)
        var ready = Self.ready()
        #expect(ready.received(text: #"{"type":"connection_init"}"#).first.map(Self.code) == 4429)
    }

    @Test func subscribeBeforeAcknowledgementCloses4401() {
        var machine = TransportWSMachine()
        #expect(machine.received(text: Self.subscribe).first.map(Self.code) == 4401)
        var authenticating = TransportWSMachine()
        _ = authenticating.received(text: #"{"type":"connection_init"}"#)
        #expect(authenticating.received(text: Self.subscribe).first.map(Self.code) == 4401)
    }

    @Test func theInitTimeoutClosesOnlyUnacknowledgedConnections() {
        var machine = TransportWSMachine()
        #expect(machine.initTimedOut().first.map(Self.code) == 4408)
        var ready = Self.ready()
        #expect(ready.initTimedOut() == [])
    }

    @Test func invalidMessagesClose4400() {
        let texts = [
            "not json", "[1]", #"{"type":7}"#, #"{"type":"hello"}"#,
            #"{"type":"next","id":"1","payload":{}}"#, #"{"type":"error","id":"1","payload":[]}"#,
            #"{"type":"connection_ack"}"#, #"{"type":"ping","payload":3}"#,
            #"{"type":"subscribe","id":"","payload":{"query":"{a}"}}"#,
            #"{"type":"subscribe","id":"1","payload":{}}"#,
            #"{"type":"subscribe","id":"1","payload":{"query":"{a}","variables":[]}}"#,
            #"{"type":"subscribe","id":"1","payload":{"query":"{a}","operationName":1}}"#,
            #"{"type":"complete"}"#,
        ]
        for text in texts {
            var machine = Self.ready()
            #expect(machine.received(text: text).first.map(Self.code) == 4400, "\(text)")
            #expect(machine.phase == .closed)
        }
        var binary = Self.ready()
        #expect(binary.receivedBinary().first.map(Self.code) == 4400)
    }

    @Test func pingGetsPongInEveryOpenPhaseAndPongIsIgnored() {
        var fresh = TransportWSMachine()
        #expect(fresh.received(text: #"{"type":"ping"}"#) == [.send(.pong)])
        var ready = Self.ready()
        #expect(ready.received(text: #"{"type":"ping","payload":{"x":1}}"#) == [.send(.pong)])
        #expect(ready.received(text: #"{"type":"pong"}"#) == [])
    }

    @Test func anOperationStartsSendsResultsAndCompletes() {
        var machine = Self.ready()
        let request = TransportWSRequest(
            query: "subscription { a }", operationName: "S", variables: ["v": 1])
        let text =
            #"{"id":"7","type":"subscribe","payload":{"query":"subscription { a }","#
            + #""operationName":"S","variables":{"v":1},"extensions":null}}"#
        #expect(machine.received(text: text) == [.start(id: "7", ticket: 1, request: request)])
        #expect(
            machine.result(["data": 1], id: "7", ticket: 1)
                == [.send(.next(id: "7", result: ["data": 1]))])
        #expect(machine.finished(id: "7", ticket: 1) == [.send(.complete(id: "7"))])
        #expect(machine.result(["data": 2], id: "7", ticket: 1) == [])
        #expect(machine.operations.isEmpty)
    }

    @Test func aDuplicateRunningIdCloses4409ButACompletedIdMayBeReused() {
        var machine = Self.ready()
        _ = machine.received(text: Self.subscribe)
        var duplicate = machine
        let closing = duplicate.received(text: Self.subscribe)
        #expect(closing == [.close(code: 4409, reason: "Subscriber for 1 already exists")])
        #expect(
            machine.received(text: #"{"id":"1","type":"complete"}"#)
                == [.cancel(id: "1", ticket: 1)])
        guard case .start(_, let ticket, _)? = machine.received(text: Self.subscribe).first else {
            Issue.record("the reused id did not start")
            return
        }
        // The first run's late end does not touch the second run.
        #expect(machine.finished(id: "1", ticket: 1) == [])
        #expect(machine.finished(id: "1", ticket: ticket) == [.send(.complete(id: "1"))])
    }

    @Test func aFailedOperationSendsErrorAndNoComplete() {
        var machine = Self.ready()
        _ = machine.received(text: Self.subscribe)
        let errors: [JSON] = [["message": "no"]]
        #expect(
            machine.failed(errors, id: "1", ticket: 1)
                == [.send(.error(id: "1", errors: errors))])
        #expect(machine.finished(id: "1", ticket: 1) == [])
    }

    @Test func completeForAnUnknownIdIsIgnored() {
        var machine = Self.ready()
        #expect(machine.received(text: #"{"id":"9","type":"complete"}"#) == [])
        #expect(machine.phase == .ready)
    }

    @Test func repliesAreProtocolJSON() {
        #expect(TransportWSReply.connectionAck.text == #"{"type":"connection_ack"}"#)
        #expect(
            TransportWSReply.next(id: "1", result: ["data": ["a": 1]]).text
                == #"{"id":"1","type":"next","payload":{"data":{"a":1}}}"#)
        #expect(
            TransportWSReply.error(id: "2", errors: [["message": "m"]]).text
                == #"{"id":"2","type":"error","payload":[{"message":"m"}]}"#)
        #expect(TransportWSReply.complete(id: "3").text == #"{"id":"3","type":"complete"}"#)
    }

    static func code(_ action: TransportWSMachine.Action) -> UInt16? {
        if case .close(let code, _) = action { return code }
        return nil
    }

    @Test func anInternalFailureCloses4500AndEndsEveryOperation() {
        var machine = Self.ready()
        guard case .start(let id, let ticket, _)? = machine.received(text: Self.subscribe).first
        else {
            Issue.record("the subscription did not start")
            return
        }
        #expect(
            machine.internalError("Internal server error")
                == [.close(code: 4500, reason: "Internal server error")])
        #expect(machine.phase == .closed && machine.operations.isEmpty)
        #expect(machine.result(.null, id: id, ticket: ticket) == [])
        #expect(machine.internalError("again") == [])
    }

    @Test func onlyTheServersOwnFailuresAreInternal() {
        let tooSlow = SubscriberTooSlow(capacity: 3, lastDelivered: 7)
        #expect(SubscriptionEndpoint.isOperationError(tooSlow))
        #expect(SubscriptionEndpoint.isOperationError(GraphQLError("bad")))
        #expect(!SubscriptionEndpoint.isOperationError(LedgerError.closed))
    }
}
