/// The inspection part of the schema (reference §5, public authorities): a company's file
/// for a period, the traceability report, the controls a company underwent, and the
/// public anonymised statistics.
enum InspectionSchema {
    static let sdl = queries + controlTypes + reportTypes + statisticsTypes

    static let queries = """
        extend type Query {
          "A company's file for [from, to): its BSDs by role and status, flows per waste code, \
        register links. Inspectors, or the company's members who may read its registers. Each \
        inspector read is recorded."
          controlFile(siret: String!, from: DateTime, to: DateTime): ControlFile!
          "Inspectors: the BSDs of a company that are stuck, mismatched, treated without \
        reception or in open annexe-2 chains, and where each initial BSD's waste ended."
          traceabilityReport(
            siret: String!, delays: [TraceabilityDelayInput!], quantityTolerance: Float
          ): TraceabilityReport!
          "The same report as a CSV file."
          traceabilityReportCsv(
            siret: String!, delays: [TraceabilityDelayInput!], quantityTolerance: Float
          ): FileDownload!
          "ADMINs of a company: every inspector read that concerned it, newest first."
          companyControls(siret: String!, first: Int, after: ID): ControlRecordConnection!
          "Public: quantities picked up per month (closed months only), by waste code or chapter \
        and département, cells covering fewer than 5 companies suppressed."
          wasteStatistics(
            from: String, to: String, groupBy: [StatisticsDimension!]
          ): WasteStatistics!
        }

        """

    static let controlTypes = """
        "The company's role on a BSD, as in forms(roles:)."
        enum ControlRole { EMITTER RECIPIENT TRANSPORTER TRADER BROKER ECO_ORGANISME INTERMEDIARY }

        type ControlFile {
          siret: String!
          from: DateTime!
          to: DateTime
          "Every BSD naming the company whose life overlaps the period, newest first."
          forms: [ControlFileForm!]!
          counts: [ControlRoleStatusCount!]!
          flows: [ControlWasteFlow!]!
          "Links to the company's registers for the period."
          registers: [ControlRegisterLink!]!
        }

        type ControlFileForm {
          id: ID!
          readableId: String!
          status: FormStatus!
          roles: [ControlRole!]!
          wasteCode: String
          "Declared quantity in tonnes."
          quantity: Float
          "Quantity received at the destination in tonnes."
          quantityReceived: Float
          createdAt: DateTime!
          updatedAt: DateTime!
        }

        type ControlRoleStatusCount {
          role: ControlRole!
          status: FormStatus!
          count: Int!
        }

        type ControlWasteFlow {
          wasteCode: String!
          "Tonnes accepted at the company during the period."
          incoming: Float!
          incomingForms: Int!
          "Tonnes that left the company during the period."
          outgoing: Float!
          outgoingForms: Int!
        }

        type ControlRegisterLink {
          registryType: WasteRegistryType!
          csv: FileDownload!
        }

        type ControlRecord {
          id: ID!
          controlId: ID!
          inspectorEmail: String!
          operation: String!
          formId: ID
          readableId: String
          from: DateTime
          to: DateTime
          remoteAddress: String!
          at: DateTime!
        }

        type ControlRecordEdge {
          cursor: ID!
          node: ControlRecord!
        }

        type ControlRecordConnection {
          totalCount: Int!
          pageInfo: PageInfo!
          edges: [ControlRecordEdge!]!
        }

        """

    static let reportTypes = """
        enum TraceabilityStep {
          AWAITING_PICKUP IN_TRANSIT AWAITING_ACCEPTANCE AWAITING_TREATMENT AWAITING_GROUP
        }

        enum TraceabilityAnomalyKind {
          STUCK QUANTITY_MISMATCH TREATMENT_WITHOUT_RECEPTION OPEN_CHAIN
        }

        "How long a BSD may wait at a step before the report flags it (defaults: 720, 72, 48, 720 \
        and 8760 hours)."
        input TraceabilityDelayInput {
          step: TraceabilityStep!
          hours: Float!
        }

        type TraceabilityReport {
          siret: String!
          generatedAt: DateTime!
          quantityTolerance: Float!
          anomalies: [TraceabilityAnomaly!]!
          "One per initial BSD of the company (a BSD that groups none)."
          outcomes: [TraceabilityOutcome!]!
        }

        type TraceabilityAnomaly {
          kind: TraceabilityAnomalyKind!
          formId: ID!
          readableId: String!
          status: FormStatus!
          step: TraceabilityStep
          since: DateTime
          "Tonnes that left (QUANTITY_MISMATCH)."
          emitted: Float
          "Tonnes received (QUANTITY_MISMATCH)."
          received: Float
          "Readable ids where the chain is still open (OPEN_CHAIN)."
          openAt: [String!]!
        }

        type TraceabilityOutcome {
          formId: ID!
          readableId: String!
          wasteCode: String
          status: FormStatus!
          closed: Boolean!
          finalTreatments: [FinalTreatment!]!
          openAt: [String!]!
        }

        type FinalTreatment {
          formId: ID!
          readableId: String!
          status: FormStatus!
          operationCode: String
          destinationSiret: String
          processedAt: DateTime
          "Readable ids from the initial BSD to this one."
          path: [String!]!
        }

        """

    static let statisticsTypes = """
        "WASTE_CODE or CHAPTER (at most one) and DEPARTMENT; months are always separate."
        enum StatisticsDimension { WASTE_CODE CHAPTER DEPARTMENT }

        type WasteStatistics {
          "Distinct companies a published cell covers at least."
          threshold: Int!
          cells: [WasteStatisticsCell!]!
        }

        type WasteStatisticsCell {
          month: String!
          wasteCode: String
          chapter: String
          department: String
          "Tonnes; null when suppressed."
          quantity: Float
          "BSDs; null when suppressed."
          forms: Int
          suppressed: Boolean!
        }
        """
}
