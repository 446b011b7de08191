extension FormSchema {
    /// The object types BSDs are read as.
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
}
