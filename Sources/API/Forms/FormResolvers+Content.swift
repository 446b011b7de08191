import Domain
import GraphQL
import Identity
import Projections

extension FormResolvers {
    /// createForm, updateForm, deleteForm, duplicateForm, markAsSealed, importPaperForm.
    var contentMutations: [String: FieldResolver] {
        [
            "createForm": { @Sendable _, arguments, context, _ in
                try await createForm(arguments.object("createFormInput"), context)
            },
            "updateForm": { @Sendable _, arguments, context, _ in
                try await updateForm(arguments.object("updateFormInput"), context)
            },
            "deleteForm": { @Sendable _, arguments, context, _ in
                try await simple(.delete, .delete, arguments, context)
            },
            "duplicateForm": { @Sendable _, arguments, context, _ in
                try await simple(.duplicate, .duplicate, arguments, context)
            },
            "markAsSealed": { @Sendable _, arguments, context, _ in
                try await seal(arguments, context)
            },
            "importPaperForm": { @Sendable _, arguments, context, _ in
                try await importPaperForm(arguments.object("input"), context)
            },
        ]
    }

    /// The input reader for `caller`: linked BSDs and transporters resolve only when the
    /// caller may see them.
    func inputs(_ caller: Caller, formId: String? = nil) -> FormInputs {
        FormInputs(
            formId: { id, readableId throws(APIError) in
                var resolved = id
                if resolved == nil, let readableId {
                    resolved = try self.formId(readableId: readableId)
                }
                guard let resolved else { throw Self.notFound(readableId ?? id ?? "") }
                _ = try visibleState(resolved, caller)
                return resolved
            },
            transporter: { id throws(APIError) in
                try standaloneTransporter(id, caller, attachingTo: formId)
            })
    }

    private func createForm(
        _ input: JSONObject, _ context: any Sendable
    ) async throws(APIError) -> JSON {
        let caller = try caller(context)
        let content = try withGroupedQuantities(
            try withReceipts(try inputs(caller).createContent(input)), formId: nil)
        let orgId = try authorize(.create(content), on: FormState(), caller: caller)
        let id = try await execute(.create(content), on: nil, caller: caller, orgId: orgId)
        return try render(id)
    }

    private func updateForm(
        _ input: JSONObject, _ context: any Sendable
    ) async throws(APIError) -> JSON {
        let caller = try caller(context)
        guard let id = input.string("id") else {
            throw APIError(.badUserInput, "updateFormInput.id is required.")
        }
        let state = try visibleState(id, caller)
        let content = try withGroupedQuantities(
            try withReceipts(
                try inputs(caller, formId: id).updatedContent(input, base: state.content)),
            formId: id)
        let orgId = try authorize(.update(after: content), on: state, caller: caller)
        _ = try await execute(.update(content), on: state, caller: caller, orgId: orgId)
        return try render(id)
    }

    /// A mutation that takes the BSD's id and nothing else.
    private func simple(
        _ command: FormCommand, _ action: FormAction, _ arguments: JSONObject,
        _ context: any Sendable
    ) async throws(APIError) -> JSON {
        let caller = try caller(context)
        let state = try visibleState(arguments.string("id") ?? "", caller)
        let orgId = try authorize(action, on: state, caller: caller)
        let id = try await execute(command, on: state, caller: caller, orgId: orgId)
        return try render(id)
    }

    /// markAsSealed, with the registry checks on every company the BSD names.
    private func seal(
        _ arguments: JSONObject, _ context: any Sendable
    ) async throws(APIError)
        -> JSON
    {
        let caller = try caller(context)
        let state = try visibleState(arguments.string("id") ?? "", caller)
        let orgId = try authorize(.seal, on: state, caller: caller)
        let id = try await execute(
            .seal, on: state, caller: caller, orgId: orgId,
            companies: try registryProfiles(state.content))
        return try render(id)
    }

    private func importPaperForm(
        _ input: JSONObject, _ context: any Sendable
    ) async throws(APIError) -> JSON {
        let caller = try caller(context)
        let existing = try input.string("id").map { id throws(APIError) in
            try visibleState(id, caller)
        }
        let (_, paper) = try inputs(caller, formId: existing?.id).paperImport(
            input, base: existing?.content)
        let orgId: String
        if let existing {
            orgId = try authorize(.importPaper, on: existing, caller: caller)
        } else {
            let recipient = paper.content.recipient.company?.orgId ?? ""
            guard caller.access.allows(recipient, .importPaper) else {
                throw APIError(
                    .forbidden,
                    "Only a MEMBER or ADMIN of the destination may import its paper BSD.")
            }
            orgId = recipient
        }
        let id = try await execute(
            .importPaperForm(paper), on: existing, caller: caller, orgId: orgId)
        return try render(id)
    }

    /// Fills each transporter's receipt from its company's profile when the company is
    /// registered with one (reference §2.2: integrators' receipt fields are overwritten).
    func withReceipts(_ content: FormContent) throws(APIError) -> FormContent {
        var content = content
        for index in content.transporters.indices {
            content.transporters[index] = try withReceipt(content.transporters[index])
        }
        return content
    }

    /// Gives each annexe-2 fraction without a quantity what remains to be grouped of its
    /// initial BSD: the accepted quantity less what other regroupements hold. The schema
    /// promises this default for `grouping`, and `appendix2Forms` carries no quantity at all.
    func withGroupedQuantities(
        _ content: FormContent, formId: String?
    ) throws(APIError) -> FormContent {
        guard content.emitter.type == .appendix2 else { return content }
        var content = content
        for index in content.grouping.indices where content.grouping[index].quantity == nil {
            let initial = try state(content.grouping[index].formId)
            guard let accepted = initial.acceptedQuantity else { continue }
            let elsewhere = initial.groupedIn.filter { $0.formId != formId }
                .reduce(Weight.zero) { $0 + ($1.quantity ?? .zero) }
            content.grouping[index].quantity = accepted - elsewhere
        }
        return content
    }

    /// `transporter` with the receipt of its company's profile, when there is one.
    func withReceipt(_ transporter: Transporter) throws(APIError) -> Transporter {
        guard let orgId = transporter.company?.orgId, !orgId.isEmpty else { return transporter }
        let record = try IdentityResolvers.identityValue { () throws(IdentityError) in
            try identity.queries.company(orgId)
        }
        guard let receipt = record?.transporterReceipt else { return transporter }
        var filled = transporter
        filled.receipt = receipt.receiptNumber
        filled.department = receipt.department
        filled.validityLimit = try? FormInputs.timestamp(
            receipt.validityLimit, path: "transporter.validityLimit")
        return filled
    }
}
