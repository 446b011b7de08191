/// Why a road-control link gives no PDF; each answer tells the person at the roadside what
/// to do.
enum RoadControlRefusal: Error, Equatable, Sendable {
    /// No link has this token.
    case unknown
    /// The link's 30 minutes are over.
    case expired
    /// The BSD was deleted, or its maker may no longer read it.
    case unreadable
    /// The waste is no longer in transit (received, or back to an earlier step).
    case notInTransit(status: String)

    /// 404 for an unknown link, 410 Gone for one that worked once.
    var status: Int {
        switch self {
        case .unknown: 404
        case .expired, .unreadable, .notInTransit: 410
        }
    }

    /// The text of the answer.
    var message: String {
        switch self {
        case .unknown:
            "This road-control link is unknown. Ask the driver for the link their application"
                + " shows."
        case .expired:
            "This road-control link has expired (links work 30 minutes). Ask the driver to make"
                + " a new one."
        case .unreadable:
            "The BSD of this road-control link is no longer available."
        case .notInTransit(let status):
            "The BSD of this road-control link is no longer in transit (status \(status));"
                + " road-control links work only while the waste is on its way."
        }
    }
}
