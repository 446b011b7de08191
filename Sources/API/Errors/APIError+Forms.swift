import Domain
import Projections

extension APIError {
    /// The outward form of a refused BSD command. Nothing was appended in any case.
    init(_ error: FormCommandError) {
        switch error {
        case .domain(let domain):
            self.init(domain)
        case .conflict:
            self.init(
                .conflict,
                "The BSD changed while your request ran; read it again, then retry if still"
                    + " relevant.")
        case .projection(.notReady), .projection(.rebuildInProgress):
            self.init(.internalServerError, "The read models are being rebuilt; retry shortly.")
        case .readableIdTaken:
            self.init(.conflict, "Another BSD took the readable id drawn for this one; retry.")
        case .projection, .ledger:
            self.init(.internalServerError, "Internal error; it has been logged.")
        }
    }

    /// The outward form of a domain refusal: invalid input and forbidden transitions are the
    /// caller's to fix; field issues travel in `extensions.issues`.
    init(_ error: DomainError) {
        switch error {
        case .validationFailed(let issues):
            self.init(.badUserInput, "The BSD has \(issues.count) error(s); see issues.")
            self.issues = issues.map { (Self.outwardPath($0.path), Self.outwardCode($0.code)) }
        case .invalidTransition(let status, let action):
            self.init(
                .badUserInput,
                "This step (\(action.rawValue)) is not possible while the BSD is"
                    + " \(status.rawValue).")
            issues = [("status", "INVALID_TRANSITION")]
        case .commandNotAllowed(let status, let command):
            self.init(
                .badUserInput,
                "\(command.rawValue) is not possible while the BSD is \(status.rawValue).")
            issues = [("status", "INVALID_TRANSITION")]
        case .lockedFields(let status, let paths):
            self.init(
                .forbidden,
                "These fields can no longer change once the BSD is \(status.rawValue): "
                    + paths.joined(separator: ", ") + ".")
            issues = paths.map { (Self.outwardPath($0), "LOCKED_FIELD") }
        case .formNotFound(let id), .formDeleted(let id):
            self.init(.notFound, "No BSD \(id) that you can see.")
        case .formAlreadyExists(let id):
            self.init(.conflict, "BSD \(id) exists already.")
        case .readableIdExhausted, .counterYearMismatch:
            self.init(.internalServerError, "Internal error; it has been logged.")
        }
    }

    /// Runs a read of the projections, giving its failure (a refused query, a projection
    /// not ready, a ledger error) its outward form; an ``APIError`` goes through as it is.
    static func fromQuery<R>(_ body: () throws -> R) throws(APIError) -> R {
        do {
            return try body()
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(QueryError.wrapping(error))
        }
    }

    /// The outward form of a refused query.
    init(_ error: QueryError) {
        switch error {
        case .companyNotAllowed(let siret):
            self.init(.forbidden, "You are not a member of company \(siret).")
        case .invalidArgument(let name, let reason):
            self.init(.badUserInput, "Argument \(name): \(reason)")
            issues = [(name, "INVALID_VALUE")]
        case .unknownCursor(let cursor):
            self.init(.badUserInput, "Unknown cursor \(cursor).")
            issues = [("cursor", "UNKNOWN_CURSOR")]
        case .projection(.notReady), .projection(.rebuildInProgress):
            self.init(.internalServerError, "The read models are being rebuilt; retry shortly.")
        case .projection, .ledger:
            self.init(.internalServerError, "Internal error; it has been logged.")
        }
    }

    /// A domain validation code as integrators see it, in the style of every other code of
    /// the API: `companyNotRegistered` becomes `COMPANY_NOT_REGISTERED`.
    static func outwardCode(_ code: ValidationCode) -> String {
        var result = ""
        for character in code.rawValue {
            if character.isUppercase, !result.isEmpty { result.append("_") }
            result.append(contentsOf: character.uppercased())
        }
        return result
    }

    /// Domain field names that the API's inputs spell differently, by path segment.
    static let inputNames: [String: String] = [
        "consistences": "consistence", "packagings": "packagingInfos",
        "numberPlates": "numberPlate", "formId": "form",
        "temporaryStorageDestination": "temporaryStorageDetail.destination",
        "operationDone": "processingOperationDone", "operationMode": "destinationOperationMode",
        "acceptationStatus": "wasteAcceptationStatus", "refusalReason": "wasteRefusalReason",
    ]

    /// A domain issue path in the names of the input the integrator sent: segments renamed
    /// after ``inputNames``, and the domain's step prefixes (`processing.`, `reception.`)
    /// dropped, since a step's fields sit at the top of its input.
    static func outwardPath(_ path: String) -> String {
        var segments = path.split(separator: ".").map(String.init)
        if let first = segments.first, ["processing", "reception"].contains(first),
            segments.count > 1
        {
            segments.removeFirst()
        }
        return segments.map { inputNames[$0] ?? $0 }.joined(separator: ".")
    }
}
