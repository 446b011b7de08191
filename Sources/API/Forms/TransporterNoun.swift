/// What a transporter id is called in the operation that received it: `transporter` for
/// the multimodal operations, `segment` for the deprecated segment ones. A transporter that
/// does not exist and one on a BSD the caller cannot see get the same answer, which names
/// only the id the caller sent.
enum TransporterNoun: String, Sendable {
    case transporter
    case segment

    /// The NOT_FOUND answer for `id`.
    func missing(_ id: String) -> APIError {
        APIError(.notFound, "No \(rawValue) \(id) that you can see.")
    }
}
