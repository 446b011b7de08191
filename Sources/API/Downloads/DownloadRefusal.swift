/// Why a download token gives no file.
enum DownloadRefusal: Error, Equatable, Sendable {
    /// No such token: never issued, already forgotten, or pushed out by newer ones.
    case unknown
    /// The token was used once already.
    case used
    /// The token's lifetime is over.
    case expired

    /// The HTTP status: 410 Gone when the token existed, 404 otherwise.
    var status: Int {
        switch self {
        case .unknown: 404
        case .used, .expired: 410
        }
    }

    /// The text of the answer, saying what to do next.
    var message: String {
        switch self {
        case .unknown:
            "This download link is unknown or has expired. Ask the API for a new one."
        case .used:
            "This download link has already been used; each link works once. Ask the API for"
                + " a new one."
        case .expired:
            "This download link has expired. Ask the API for a new one and follow it at once."
        }
    }
}
