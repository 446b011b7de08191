import Domain
import GraphQL

/// Reads BSDD inputs into domain values. Lookups the reader cannot do itself are closures.
///
/// Every reader collects the problems of a whole input before throwing one `BAD_USER_INPUT`
/// whose `issues` name each field (dotted path) with a stable code (``InputIssueCode``). Only
/// the shape of the input is checked here: required fields, SIRETs and the like are the
/// domain's to judge.
struct FormInputs {
    /// Resolves an `AppendixFormInput` (id or readableId) to a BSD id, or throws NOT_FOUND.
    var formId: (_ id: String?, _ readableId: String?) throws(APIError) -> String
    /// Resolves an id of `transporters: [ID!]` to the transporter (whose `id` the resolver
    /// keeps), or throws.
    var transporter: (_ id: String) throws(APIError) -> Transporter

    /// CreateFormInput → content.
    /// - Throws: `BAD_USER_INPUT` with every malformed field; the closures' errors other than
    ///   NOT_FOUND (which become issues) as they are.
    func createContent(_ input: JSONObject) throws(APIError) -> FormContent {
        try updatedContent(input, base: FormContent())
    }

    /// UpdateFormInput over the current content: a field left out keeps its value, an
    /// explicit null clears it, a nested object given is merged the same way field by field;
    /// lists (packagingInfos, consistence, intermediaries, grouping, transporters) replace.
    /// - Throws: as ``createContent(_:)``.
    func updatedContent(_ input: JSONObject, base: FormContent) throws(APIError) -> FormContent {
        var reader = InputReader(input)
        var content = base
        try merge(&reader, into: &content)
        try reader.check()
        return content
    }

    /// Merges every content field of a create, update or paper-import input into `content`.
    func merge(_ reader: inout InputReader, into content: inout FormContent) throws(APIError) {
        reader.merge("customId", into: &content.customId)
        reader.merge("emitter", into: &content.emitter, empty: Emitter(), Self.mergeEmitter)
        reader.merge(
            "recipient", into: &content.recipient, empty: Recipient(), Self.mergeRecipient)
        reader.merge("isDirectSupply", into: &content.isDirectSupply)
        reader.merge(
            "wasteDetails", into: &content.wasteDetails, empty: WasteDetails(),
            Self.mergeWasteDetails)
        reader.merge("trader", into: &content.trader, empty: TradingParty(), Self.mergeTrading)
        reader.merge("broker", into: &content.broker, empty: TradingParty(), Self.mergeTrading)
        reader.merge(
            "ecoOrganisme", into: &content.ecoOrganisme, empty: EcoOrganisme(),
            Self.mergeEcoOrganisme)
        reader.mergeObjects("intermediaries", into: &content.intermediaries, Self.company)
        Self.mergeTemporaryStorage(&reader, into: &content.temporaryStorageDestination)
        try mergeTransporters(&reader, into: &content.transporters)
        try mergeGrouping(&reader, into: &content.grouping)
    }

    /// A `TransporterInput` as a new transporter; issues are named under `path`.
    /// - Throws: `BAD_USER_INPUT` with every malformed field.
    static func transporter(_ input: JSONObject, path: String) throws(APIError) -> Transporter {
        var reader = InputReader(input, path: path)
        var transporter = Transporter()
        mergeTransporter(&reader, into: &transporter)
        try reader.check()
        return transporter
    }

    /// DateTime argument → Timestamp: RFC 3339, a date-time without offset (UTC) or a date
    /// alone (midnight UTC), with or without fractional seconds (see ``DateTimeText``).
    /// - Throws: `BAD_USER_INPUT` with an `INVALID_DATE` issue at `path`.
    static func timestamp(_ text: String, path: String) throws(APIError) -> Timestamp {
        guard let microseconds = DateTimeText.microseconds(text) else {
            throw InputReader.error([(path, InputIssueCode.invalidDate.rawValue)])
        }
        return Timestamp(microseconds: microseconds)
    }

    /// Tonnes (Float) → grams, rounded to the nearest gram.
    /// - Throws: `BAD_USER_INPUT` with an `INVALID_QUANTITY` issue at `path` for a value that
    ///   is not a number, negative, infinite or above a billion tonnes.
    static func weight(_ value: JSON, path: String) throws(APIError) -> Weight {
        guard let weight = Tonnes.weight(value) else {
            throw InputReader.error([(path, InputIssueCode.invalidQuantity.rawValue)])
        }
        return weight
    }
}
