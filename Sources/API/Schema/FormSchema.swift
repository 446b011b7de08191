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
}
