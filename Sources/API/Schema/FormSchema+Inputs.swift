extension FormSchema {
    /// The inputs of the step mutations (signatures, reception, treatment, storage).
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

    /// The inputs of BSD content (creation and update).
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

    /// The enumerations.
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
