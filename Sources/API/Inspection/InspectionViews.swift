import Domain
import GraphQL
import Inspection

/// Renders the inspection results as the schema's objects.
enum InspectionViews {
    /// A `ControlFile`.
    static func controlFile(_ file: ControlFile, registers: [JSON]) -> JSON {
        var view = ViewObject()
        view.set("siret", file.orgId)
        view.set("from", ViewObject.dateTime(microseconds: file.from))
        if file.to != Int64.max { view.set("to", ViewObject.dateTime(microseconds: file.to)) }
        view.set("forms", list: file.forms.map { form($0.state, roles: $0.roles) })
        view.set(
            "counts",
            list: file.counts.map { count in
                .object([
                    "role": .string(count.role.rawValue), "status": .string(count.status.rawValue),
                    "count": .int(count.count),
                ])
            })
        view.set(
            "flows",
            list: file.flows.map { flow in
                var item = ViewObject()
                item.set("wasteCode", flow.wasteCode)
                item.set("incoming", flow.incoming)
                item.set("incomingForms", flow.incomingForms)
                item.set("outgoing", flow.outgoing)
                item.set("outgoingForms", flow.outgoingForms)
                return item.json
            })
        view.set("registers", list: registers)
        return view.json
    }

    private static func form(_ state: FormState, roles: Set<some RawRepresentable<String>>) -> JSON
    {
        var view = ViewObject()
        view.set("id", state.id)
        view.set("readableId", state.readableId)
        view.set("status", state.status)
        view.set("roles", list: roles.map(\.rawValue).sorted().map(JSON.string))
        view.set("wasteCode", state.content.wasteDetails.code)
        view.set("quantity", state.content.wasteDetails.quantity)
        view.set("quantityReceived", state.reception?.quantityReceived)
        view.set("createdAt", state.createdAt)
        view.set("updatedAt", state.updatedAt)
        return view.json
    }

    /// A `TraceabilityReport`.
    static func report(
        _ siret: String, _ report: TraceabilityReport, _ options: TraceabilityOptions
    ) -> JSON {
        var view = ViewObject()
        view.set("siret", siret)
        view.set("generatedAt", ViewObject.dateTime(microseconds: options.now))
        view.set("quantityTolerance", options.quantityTolerance)
        view.set("anomalies", list: report.anomalies.map(anomaly))
        view.set("outcomes", list: report.outcomes.map(outcome))
        return view.json
    }

    private static func anomaly(_ anomaly: TraceabilityAnomaly) -> JSON {
        var view = ViewObject()
        view.set("kind", anomaly.kind)
        view.set("formId", anomaly.formId)
        view.set("readableId", anomaly.readableId)
        view.set("status", anomaly.status)
        view.set("step", anomaly.step)
        view.set("since", anomaly.since.map { ViewObject.dateTime(microseconds: $0) })
        view.set("emitted", anomaly.emitted)
        view.set("received", anomaly.received)
        view.set("openAt", list: anomaly.openAt.map(JSON.string))
        return view.json
    }

    private static func outcome(_ outcome: ChainOutcome) -> JSON {
        var view = ViewObject()
        view.set("formId", outcome.formId)
        view.set("readableId", outcome.readableId)
        view.set("wasteCode", outcome.wasteCode)
        view.set("status", outcome.status)
        view.set("closed", outcome.isClosed)
        view.set(
            "finalTreatments",
            list: outcome.finals.map { final in
                var item = ViewObject()
                item.set("formId", final.formId)
                item.set("readableId", final.readableId)
                item.set("status", final.status)
                item.set("operationCode", final.operationCode)
                item.set("destinationSiret", final.destinationOrgId)
                item.set(
                    "processedAt", final.processedAt.map { ViewObject.dateTime(microseconds: $0) })
                item.set("path", list: final.path.map(JSON.string))
                return item.json
            })
        view.set("openAt", list: outcome.open.map { .string($0.readableId) })
        return view.json
    }
}
