import Domain
import GraphQL
import Identity
import Projections

extension FormResolvers {
    /// The signatures and steps of the lifecycle.
    var stepMutations: [String: FieldResolver] {
        [
            "signEmissionForm": { @Sendable _, arguments, context, _ in
                try await signEmission(arguments, context)
            },
            "signTransportForm": { @Sendable _, arguments, context, _ in
                try await signTransport(arguments, context)
            },
            "markAsReceived": { @Sendable _, arguments, context, _ in
                let input = try FormInputs.received(arguments.object("receivedInfo"))
                return try await step(.markReceived(input), .receive, arguments, context)
            },
            "markAsAccepted": { @Sendable _, arguments, context, _ in
                let input = try FormInputs.accepted(arguments.object("acceptedInfo"))
                return try await step(.markAccepted(input), .receive, arguments, context)
            },
            "markAsProcessed": { @Sendable _, arguments, context, _ in
                let input = try FormInputs.processed(arguments.object("processedInfo"))
                return try await step(.markProcessed(input), .process, arguments, context)
            },
            "markAsTempStored": { @Sendable _, arguments, context, _ in
                let input = try FormInputs.tempStored(arguments.object("tempStoredInfos"))
                return try await step(.markTempStored(input), .tempStore, arguments, context)
            },
            "markAsTempStorerAccepted": { @Sendable _, arguments, context, _ in
                let input = try FormInputs.tempStorerAccepted(
                    arguments.object("tempStorerAcceptedInfo"))
                return try await step(
                    .markTempStorerAccepted(input), .tempStore, arguments, context)
            },
            "markAsResealed": { @Sendable _, arguments, context, _ in
                var input = try FormInputs.resealed(arguments.object("resealedInfos"))
                input.transporter = try input.transporter.map(withReceipt)
                return try await step(.markResealed(input), .reseal, arguments, context)
            },
            "markAsResent": { @Sendable _, arguments, context, _ in
                try await resend(arguments, context)
            },
        ]
    }

    /// A step that takes the BSD's id and its input.
    private func step(
        _ command: FormCommand, _ action: FormAction, _ arguments: JSONObject,
        _ context: any Sendable
    ) async throws(APIError) -> JSON {
        let caller = try caller(context)
        let state = try visibleState(arguments.string("id") ?? "", caller)
        let orgId = try authorize(action, on: state, caller: caller)
        let id = try await execute(
            command, on: state, caller: caller, orgId: orgId)
        return try render(id)
    }

    private func signEmission(
        _ arguments: JSONObject, _ context: any Sendable
    ) async throws(APIError) -> JSON {
        let caller = try caller(context)
        let input = try FormInputs.signEmission(arguments.object("input"))
        let state = try visibleState(arguments.string("id") ?? "", caller)
        let orgId = try authorize(
            .signEmission(byEcoOrganisme: input.byEcoOrganisme), on: state, caller: caller,
            securityCode: Self.securityCode(arguments))
        let command: FormCommand =
            state.status == .resealed ? .signTempStorerEmission(input) : .signEmission(input)
        let id = try await execute(command, on: state, caller: caller, orgId: orgId)
        return try render(id)
    }

    private func signTransport(
        _ arguments: JSONObject, _ context: any Sendable
    ) async throws(APIError) -> JSON {
        let caller = try caller(context)
        let input = try FormInputs.signTransport(arguments.object("input"))
        let state = try visibleState(arguments.string("id") ?? "", caller)
        let orgId = try authorize(
            .signTransport, on: state, caller: caller, securityCode: Self.securityCode(arguments))
        let id = try await execute(.signTransport(input), on: state, caller: caller, orgId: orgId)
        return try render(id)
    }

    /// markAsResent (deprecated): the onward journey given with it is recorded as the waste
    /// leaves, in one event.
    private func resend(
        _ arguments: JSONObject, _ context: any Sendable
    ) async throws(APIError) -> JSON {
        let (reseal, _) = try FormInputs.resent(arguments.object("resentInfos"))
        var onward = reseal
        onward.transporter = try onward.transporter.map(withReceipt)
        let changes =
            onward.destination != nil || onward.transporter != nil
            || onward.wasteDetails != nil
        guard changes else { return try await step(.markResent, .resend, arguments, context) }
        return try await step(.resendWith(onward), .resend, arguments, context)
    }

    /// The `securityCode` argument, when given.
    static func securityCode(_ arguments: JSONObject) -> Int? {
        guard case .int(let code)? = arguments["securityCode"] else { return nil }
        return code
    }
}
