/// The BSDD part of the schema: the `Form` type, its inputs and operations, with
/// Trackdéchets' names and shapes (reference §1.3, §2.2, §6). Quantities travel in tonnes
/// (Float) and are kept as integer grams inside; dates are `DateTime`.
enum FormSchema {
    static let sdl = queries + mutations + objects + steps + inputs + enums

    static let queries = """
        extend type Query {
          "One BSD by id or readable id; NOT_FOUND when it does not exist or is not yours."
          form(
            id: ID, readableId: String,
            "The BSD as it was then: a ledger position (digits) or a DateTime."
            asOf: String
          ): Form!
          "Every event of one BSD, oldest first, with the fields each one changed."
          formHistory(id: ID, readableId: String): [FormEvent!]!
          "Events of the BSDs you may read, after a ledger position: catch up after being offline."
          formEvents(after: Int, first: Int): FormEventsPage!
          "A company's BSDs, newest first; siret is required when you belong to several companies."
          forms(
            siret: String, status: [FormStatus!], roles: [FormRole!], hasNextStep: Boolean,
            siretPresentOnForm: String, wasteCode: String, customId: String,
            updatedAfter: String, sentAfter: String,
            first: Int, cursorAfter: ID, last: Int, cursorBefore: ID
          ): [Form!]!
          "A company's status changes, newest first, in pages of 100."
          formsLifeCycle(
            siret: String, loggedBefore: String, loggedAfter: String,
            cursorAfter: String, cursorBefore: String, formId: ID
          ): formsLifeCycleData!
        }

        extend type Query {
          "A link to the CSV register of your companies sirets (one file; each row starts with \
        the company's SIRET)."
          wastesRegistryCsv(
            registryType: WasteRegistryType!, sirets: [String!]!, where: WasteRegistryWhere
          ): FileDownload!
          "The same register as an Excel workbook with one sheet."
          wastesRegistryXls(
            registryType: WasteRegistryType!, sirets: [String!]!, where: WasteRegistryWhere
          ): FileDownload!
        }

        "A file to fetch with GET downloadLink, without the Authorization header: once, within a \
        minute."
        type FileDownload {
          token: String!
          downloadLink: String!
        }

        "The BSDD registers: INCOMING by reception date, the others by pickup date."
        enum WasteRegistryType { INCOMING OUTGOING TRANSPORTED MANAGED ALL }

        input WasteRegistryWhere {
          "The register's own date (reception for INCOMING, pickup otherwise)."
          createdAt: DateFilter
        }

        input DateFilter {
          _gte: DateTime
          _gt: DateTime
          _lte: DateTime
          _lt: DateTime
        }

        """

    static let mutations = """
        extend type Mutation {
          "Creates a draft BSD."
          createForm(createFormInput: CreateFormInput!): Form!
          "Changes a BSD's content; fields left out keep their value."
          updateForm(updateFormInput: UpdateFormInput!): Form!
          "Deletes a BSD that has not left its emitter."
          deleteForm(id: ID!): Form!
          "Creates a new draft with this BSD's content."
          duplicateForm(id: ID!): Form!
          "Checks a draft in full and seals it (DRAFT → SEALED)."
          markAsSealed(id: ID!): Form!
          "The emitter signs (or the temporary storer, for the onward journey)."
          signEmissionForm(id: ID!, input: SignEmissionFormInput!, securityCode: Int): Form!
          "The next transporter takes the waste over."
          signTransportForm(id: ID!, input: SignTransportFormInput!, securityCode: Int): Form!
          "The destination receives the waste, possibly accepting or refusing it at once."
          markAsReceived(id: ID!, receivedInfo: ReceivedFormInput!): Form!
          "The destination accepts or refuses the waste."
          markAsAccepted(id: ID!, acceptedInfo: AcceptedFormInput!): Form!
          "The destination records the treatment."
          markAsProcessed(id: ID!, processedInfo: ProcessedFormInput!): Form!
          "The temporary storer receives the waste."
          markAsTempStored(id: ID!, tempStoredInfos: TempStoredFormInput!): Form!
          "The temporary storer accepts or refuses the waste."
          markAsTempStorerAccepted(
            id: ID!, tempStorerAcceptedInfo: TempStorerAcceptedFormInput!
          ): Form!
          "The temporary storer fills in the onward journey."
          markAsResealed(id: ID!, resealedInfos: ResealedFormInput!): Form!
          "The waste leaves the temporary storage."
          markAsResent(id: ID!, resentInfos: ResentFormInput!): Form!
            @deprecated(reason: "Use markAsResealed then signEmissionForm and signTransportForm.")
          "Records a paper BSD: completes a sealed BSD, or creates one already treated."
          importPaperForm(input: ImportPaperFormInput!): Form!
          "Creates a transporter to put on a BSD with transporters: [ID]."
          createFormTransporter(input: TransporterInput!): Transporter!
          "Changes a transporter that has not taken the waste over yet."
          updateFormTransporter(id: ID!, input: TransporterInput!): Transporter!
          "Deletes a transporter that has not taken the waste over yet."
          deleteFormTransporter(id: ID!): ID!
          "Adds a transporter to the chain (multimodal, first version)."
          prepareSegment(id: ID!, siret: String!, nextSegmentInfo: NextSegmentInfoInput!): \
        TransportSegment!
            @deprecated(reason: "Use createFormTransporter and updateForm(transporters).")
          "Marks a prepared segment as ready to be taken over."
          markSegmentAsReadyToTakeOver(id: ID!): TransportSegment!
            @deprecated(reason: "Transporters created with createFormTransporter are ready.")
          "The segment's transporter takes the waste over."
          takeOverSegment(id: ID!, takeOverInfo: TakeOverInput!): TransportSegment!
            @deprecated(reason: "Use signTransportForm.")
          "Changes a segment not taken over yet."
          editSegment(id: ID!, siret: String!, nextSegmentInfo: NextSegmentInfoInput!): \
        TransportSegment!
            @deprecated(reason: "Use updateFormTransporter.")
        }

        """

    static let objects = """
        "A BSDD (bordereau de suivi de déchets dangereux)."
        type Form {
          id: ID!
          readableId: String!
          customId: String
          isDuplicateOf: String
          isImportedFromPaper: Boolean!
          status: FormStatus!
          createdAt: DateTime
          updatedAt: DateTime
          emitter: Emitter
          recipient: Recipient
          "The first transporter."
          transporter: Transporter
          transporters: [Transporter!]!
          isDirectSupply: Boolean!
          wasteDetails: WasteDetails
          trader: Trader
          broker: Broker
          ecoOrganisme: FormEcoOrganisme
          intermediaries: [FormCompany!]!
          emittedAt: DateTime
          emittedBy: String
          emittedByEcoOrganisme: Boolean
          takenOverAt: DateTime
          takenOverBy: String
          signedByTransporter: Boolean
          sentAt: DateTime
          sentBy: String
          wasteAcceptationStatus: WasteAcceptationStatus
          wasteRefusalReason: String
          hasCiterneBeenWashedOut: Boolean
          citerneNotWashedOutReason: CiterneNotWashedOutReason
          emptyReturnADR: String
          receivedBy: String
          receivedAt: DateTime
          signedAt: DateTime
          signedBy: String
          quantityReceived: Float
          quantityReceivedType: QuantityType
          quantityAccepted: Float
          quantityRefused: Float
          processingOperationDone: String
          destinationOperationMode: OperationMode
          processingOperationDescription: String
          processedBy: String
          processedAt: DateTime
          noTraceability: Boolean
          isUpcycled: Boolean
          nextDestination: NextDestination
          "Annexe 2: the initial BSDs grouped here."
          appendix2Forms: [InitialForm!]
          "Annexe 1 or 2: the BSDs grouped here, with quantities."
          grouping: [InitialFormFraction!]
          quantityGrouped: Float
          "The regroupement BSDs this BSD was grouped into."
          groupedIn: [FormFraction!]
          temporaryStorageDetail: TemporaryStorageDetail
          stateSummary: StateSummary
          transportSegments: [TransportSegment!]
            @deprecated(reason: "Use transporters.")
          currentTransporterSiret: String
          nextTransporterSiret: String
        }

        type FormCompany {
          name: String
          orgId: String
          siret: String
          vatNumber: String
          address: String
          country: String
          contact: String
          phone: String
          mail: String
          omiNumber: String
          extraEuropeanId: String
        }

        type WorkSite {
          name: String
          address: String
          city: String
          postalCode: String
          infos: String
        }

        type Emitter {
          type: EmitterType
          workSite: WorkSite
          pickupSite: String
          company: FormCompany
          isPrivateIndividual: Boolean
          isForeignShip: Boolean
        }

        type Recipient {
          cap: String
          processingOperation: String
          company: FormCompany
          isTempStorage: Boolean
        }

        type Transporter {
          id: ID
          company: FormCompany
          isExemptedOfReceipt: Boolean
          receipt: String
          department: String
          validityLimit: DateTime
          numberPlate: String
          customInfo: String
          mode: TransportMode
          takenOverAt: DateTime
          takenOverBy: String
        }

        type PackagingInfo {
          type: Packagings!
          other: String
          quantity: Int!
          volume: Float
          identificationNumbers: [String!]!
        }

        type WasteDetails {
          code: String
          name: String
          isDangerous: Boolean
          pop: Boolean
          isSubjectToADR: Boolean
          onuCode: String
          nonRoadRegulationMention: String
          packagingInfos: [PackagingInfo!]
          numberOfPackages: Int
          quantity: Float
          quantityType: QuantityType
          consistence: [Consistence!]
          sampleNumber: String
          analysisReferences: [String!]
          landIdentifiers: [String!]
        }

        type Trader {
          company: FormCompany
          receipt: String
          department: String
          validityLimit: DateTime
        }

        type Broker {
          company: FormCompany
          receipt: String
          department: String
          validityLimit: DateTime
        }

        type FormEcoOrganisme {
          name: String!
          siret: String!
        }

        type NextDestination {
          processingOperation: String
          company: FormCompany
          notificationNumber: String
        }

        "A BSD grouped into a regroupement, as the regroupement's readers see it."
        type InitialForm {
          id: ID!
          readableId: String!
          status: FormStatus!
          wasteDetails: WasteDetails
          emitter: Emitter
          recipient: Recipient
          signedAt: DateTime
          quantityReceived: Float
          quantityAccepted: Float
          quantityGrouped: Float
          processingOperationDone: String
        }

        type InitialFormFraction {
          form: InitialForm!
          quantity: Float
        }

        type FormFraction {
          form: InitialForm!
          quantity: Float
        }

        type Destination {
          cap: String
          processingOperation: String
          company: FormCompany
          isFilledByEmitter: Boolean
        }

        type TemporaryStorer {
          quantityType: QuantityType
          quantityReceived: Float
          quantityRefused: Float
          quantityAccepted: Float
          wasteAcceptationStatus: WasteAcceptationStatus
          wasteRefusalReason: String
          receivedAt: DateTime
          receivedBy: String
          signedAt: DateTime
          signedBy: String
        }

        "The temporary storage and the onward journey (box 13 onwards)."
        type TemporaryStorageDetail {
          temporaryStorer: TemporaryStorer
          destination: Destination
          wasteDetails: WasteDetails
          transporter: Transporter
          emittedAt: DateTime
          emittedBy: String
          takenOverAt: DateTime
          takenOverBy: String
          signedAt: DateTime
          signedBy: String
        }

        type StateSummary {
          quantity: Float
          packagingInfos: [PackagingInfo!]!
          onuCode: String
          transporter: FormCompany
          transporterNumberPlate: String
          transporterCustomInfo: String
          recipient: FormCompany
          emitter: FormCompany
          lastActionOn: DateTime
        }

        "A transporter of a multimodal BSD in the first multimodal API."
        type TransportSegment {
          id: ID!
          previousTransporterCompanySiret: String
          transporter: Transporter
          mode: TransportMode
          takenOverAt: DateTime
          takenOverBy: String
          readyToTakeOver: Boolean
          segmentNumber: Int
        }

        "One event of a BSD, as recorded in the ledger."
        type FormEvent {
          position: Int!
          formId: ID!
          type: String!
          recordedAt: DateTime!
          "The status after the event."
          status: FormStatus!
          actor: FormEventActor
          "The content changes, as {path, from, to} objects (quantities in grams, times in µs)."
          changes: JSON!
        }

        type FormEventActor {
          userId: ID!
          companyOrgId: String
        }

        type FormEventsPage {
          events: [FormEvent!]!
          "The position to pass as `after` for the next page."
          cursor: Int!
          "Whether the page reached the end of the ledger."
          isAtHead: Boolean!
        }

        type formsLifeCycleData {
          statusLogs: [StatusLog!]!
          hasNextPage: Boolean!
          hasPreviousPage: Boolean!
          startCursor: String
          endCursor: String
          count: Int!
        }

        type StatusLog {
          id: ID!
          status: FormStatus!
          loggedAt: DateTime!
          "The content changes of this step, as {path, from, to} objects."
          updatedFields: JSON!
          form: StatusLogForm!
          user: StatusLogUser
        }

        type StatusLogForm {
          id: ID!
          readableId: String!
        }

        type StatusLogUser {
          id: ID!
          email: String
        }

        """

    static let steps = """
        input SignEmissionFormInput {
          emittedAt: DateTime!
          emittedBy: String!
          emittedByEcoOrganisme: Boolean
          quantity: Float!
          packagingInfos: [PackagingInfoInput!]
          isSubjectToADR: Boolean
          onuCode: String
          nonRoadRegulationMention: String
          transporterNumberPlate: String
        }

        input SignTransportFormInput {
          takenOverAt: DateTime!
          takenOverBy: String!
          transporterNumberPlate: String
          transporterTransportMode: TransportMode
          "The signing transporter's contact person, phone and e-mail, when they change."
          transporterCompanyContact: String
          transporterCompanyPhone: String
          transporterCompanyMail: String
        }

        input ReceivedFormInput {
          receivedBy: String!
          receivedAt: DateTime!
          wasteAcceptationStatus: WasteAcceptationStatus
          wasteRefusalReason: String
          signedAt: DateTime
          quantityReceived: Float
          quantityRefused: Float
          quantityReceivedType: QuantityType
          hasCiterneBeenWashedOut: Boolean
          citerneNotWashedOutReason: CiterneNotWashedOutReason
          emptyReturnADR: String
        }

        input AcceptedFormInput {
          wasteAcceptationStatus: WasteAcceptationStatus!
          wasteRefusalReason: String
          signedAt: DateTime!
          signedBy: String!
          quantityReceived: Float!
          quantityRefused: Float
          quantityReceivedType: QuantityType
          hasCiterneBeenWashedOut: Boolean
          citerneNotWashedOutReason: CiterneNotWashedOutReason
          emptyReturnADR: String
        }

        input ProcessedFormInput {
          processingOperationDone: String!
          destinationOperationMode: OperationMode
          processingOperationDescription: String
          processedBy: String!
          processedAt: DateTime!
          nextDestination: NextDestinationInput
          noTraceability: Boolean
          "Excavated soils: whether they were upcycled, and on which parcels."
          isUpcycled: Boolean
          destinationParcelInseeCodes: [String!]
          destinationParcelNumbers: [String!]
          destinationParcelCoordinates: [String!]
        }

        input TempStoredFormInput {
          wasteAcceptationStatus: WasteAcceptationStatus
          wasteRefusalReason: String
          receivedBy: String!
          receivedAt: DateTime!
          signedAt: DateTime
          quantityReceived: Float!
          quantityRefused: Float
          quantityType: QuantityType!
        }

        input TempStorerAcceptedFormInput {
          wasteAcceptationStatus: WasteAcceptationStatus!
          wasteRefusalReason: String
          signedAt: DateTime!
          signedBy: String!
          quantityReceived: Float!
          quantityRefused: Float
          quantityType: QuantityType!
        }

        input ResealedFormInput {
          destination: DestinationInput
          wasteDetails: WasteDetailsRepackagingInput
          transporter: TransporterInput
        }

        input ResentFormInput {
          destination: DestinationInput
          wasteDetails: WasteDetailsRepackagingInput
          transporter: TransporterInput
          signedBy: String!
          signedAt: DateTime!
        }

        input SignatureFormInput {
          sentAt: DateTime!
          sentBy: String!
        }

        input ImportPaperFormInput {
          "A sealed BSD to complete; a new BSD is created when absent."
          id: ID
          customId: String
          emitter: EmitterInput
          recipient: RecipientInput
          transporter: TransporterInput
          wasteDetails: WasteDetailsInput
          trader: TraderInput
          broker: BrokerInput
          ecoOrganisme: EcoOrganismeInput
          intermediaries: [CompanyInput!]
          signingInfo: SignatureFormInput!
          receivedInfo: ReceivedFormInput!
          processedInfo: ProcessedFormInput!
        }

        input NextSegmentInfoInput {
          transporter: TransporterInput
          mode: TransportMode!
        }

        input TakeOverInput {
          takenOverAt: DateTime!
          takenOverBy: String!
        }

        """

    static let inputs = """
        input CompanyInput {
          orgId: String
          siret: String
          vatNumber: String
          name: String
          address: String
          contact: String
          mail: String
          phone: String
          country: String
          omiNumber: String
          extraEuropeanId: String
        }

        input WorkSiteInput {
          name: String
          address: String
          city: String
          postalCode: String
          infos: String
        }

        input EmitterInput {
          type: EmitterType
          workSite: WorkSiteInput
          pickupSite: String
          company: CompanyInput
          isPrivateIndividual: Boolean
          isForeignShip: Boolean
        }

        input RecipientInput {
          cap: String
          processingOperation: String
          company: CompanyInput
          isTempStorage: Boolean
        }

        input TransporterInput {
          company: CompanyInput
          isExemptedOfReceipt: Boolean
          "Ignored: filled from the transporter's company profile when it has one."
          receipt: String
          "Ignored: filled from the transporter's company profile when it has one."
          department: String
          "Ignored: filled from the transporter's company profile when it has one."
          validityLimit: DateTime
          numberPlate: String
          customInfo: String
          mode: TransportMode
        }

        input PackagingInfoInput {
          type: Packagings!
          other: String
          quantity: Int!
          volume: Float
          identificationNumbers: [String!]
        }

        input WasteDetailsInput {
          code: String
          name: String
          isDangerous: Boolean
          pop: Boolean
          isSubjectToADR: Boolean
          onuCode: String
          nonRoadRegulationMention: String
          packagingInfos: [PackagingInfoInput!]
          quantity: Float
          quantityType: QuantityType
          consistence: [Consistence!]
          sampleNumber: String
          analysisReferences: [String!]
          landIdentifiers: [String!]
        }

        input WasteDetailsRepackagingInput {
          onuCode: String
          packagingInfos: [PackagingInfoInput!]
          quantity: Float
          quantityType: QuantityType
        }

        input TraderInput {
          company: CompanyInput
          receipt: String
          department: String
          validityLimit: DateTime
        }

        input BrokerInput {
          company: CompanyInput
          receipt: String
          department: String
          validityLimit: DateTime
        }

        input EcoOrganismeInput {
          name: String!
          siret: String!
        }

        "An initial BSD, by id or readable id."
        input AppendixFormInput {
          id: ID
          readableId: String
        }

        input InitialFormFractionInput {
          form: AppendixFormInput!
          "Tonnes; by default what remains to be grouped."
          quantity: Float
        }

        input DestinationInput {
          cap: String
          processingOperation: String
          company: CompanyInput
          isFilledByEmitter: Boolean
        }

        input TemporaryStorageDetailInput {
          destination: DestinationInput
        }

        input NextDestinationInput {
          processingOperation: String!
          company: CompanyInput
          notificationNumber: String
        }

        input CreateFormInput {
          customId: String
          emitter: EmitterInput
          recipient: RecipientInput
          "The first transporter (kept for integrations that know one transporter)."
          transporter: TransporterInput
          "Transporters made with createFormTransporter, in order."
          transporters: [ID!]
          isDirectSupply: Boolean
          wasteDetails: WasteDetailsInput
          trader: TraderInput
          broker: BrokerInput
          ecoOrganisme: EcoOrganismeInput
          appendix2Forms: [AppendixFormInput!]
          grouping: [InitialFormFractionInput!]
          temporaryStorageDetail: TemporaryStorageDetailInput
          intermediaries: [CompanyInput!]
        }

        input UpdateFormInput {
          id: ID!
          customId: String
          emitter: EmitterInput
          recipient: RecipientInput
          transporter: TransporterInput
          transporters: [ID!]
          isDirectSupply: Boolean
          wasteDetails: WasteDetailsInput
          trader: TraderInput
          broker: BrokerInput
          ecoOrganisme: EcoOrganismeInput
          appendix2Forms: [AppendixFormInput!]
          grouping: [InitialFormFractionInput!]
          temporaryStorageDetail: TemporaryStorageDetailInput
          intermediaries: [CompanyInput!]
        }

        """

    static let enums = """
        enum FormStatus {
          DRAFT SEALED SIGNED_BY_PRODUCER SENT RECEIVED ACCEPTED PROCESSED FOLLOWED_WITH_PNTTD
          AWAITING_GROUP GROUPED NO_TRACEABILITY REFUSED TEMP_STORED TEMP_STORER_ACCEPTED
          RESEALED SIGNED_BY_TEMP_STORER RESENT CANCELED
        }
        enum FormRole { EMITTER RECIPIENT TRANSPORTER TRADER BROKER ECO_ORGANISME INTERMEDIARY }
        enum EmitterType { PRODUCER OTHER APPENDIX1 APPENDIX1_PRODUCER APPENDIX2 }
        enum QuantityType { REAL ESTIMATED }
        enum Consistence { SOLID LIQUID GASEOUS DOUGHY }
        enum Packagings { FUT GRV CITERNE BENNE AUTRE PIPELINE }
        enum WasteAcceptationStatus { ACCEPTED REFUSED PARTIALLY_REFUSED }
        enum TransportMode { ROAD RAIL AIR RIVER SEA OTHER }
        enum OperationMode {
          REUTILISATION RECYCLAGE VALORISATION_ENERGETIQUE AUTRES_VALORISATIONS ELIMINATION
        }
        enum CiterneNotWashedOutReason { EXEMPTED INCOMPATIBLE UNAVAILABLE NOT_BY_DRIVER }
        scalar JSON

        """
}
