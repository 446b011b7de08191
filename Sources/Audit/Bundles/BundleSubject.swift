import CanonicalJSON
import Domain

/// A field of a history bundle missing or unreadable.
struct BundleFieldError: Error {
    var reason: String
}

/// The `subject` of a history bundle, read from its JSON object: the BSD its events must be
/// of and how many events its stream held in the tree of the bundle's head. Nothing signs
/// it; the verifier checks it against the events, which the head's root covers.
struct BundleSubject {
    var formId: String
    var readableId: String
    /// `form-<formId>` (``FormState/streamId(formId:)``), the stream of every event.
    var stream: String
    var streamLength: Int

    init(_ value: JSONValue?) throws(BundleFieldError) {
        guard let value, value.objectValue != nil else {
            throw BundleFieldError(reason: "is missing, so nothing ties the events to a BSD")
        }
        guard let formId = value["formId"]?.stringValue, !formId.isEmpty else {
            throw BundleFieldError(reason: "formId is missing or not a non-empty string")
        }
        guard let readableId = value["readableId"]?.stringValue, !readableId.isEmpty else {
            throw BundleFieldError(reason: "readableId is missing or not a non-empty string")
        }
        let stream = FormState.streamId(formId: formId)
        guard value["stream"]?.stringValue == stream else {
            throw BundleFieldError(reason: "stream is not \(stream), the stream of formId")
        }
        guard let length = value["streamLength"]?.intValue, length >= 1 else {
            throw BundleFieldError(reason: "streamLength is missing or not a positive integer")
        }
        self.formId = formId
        self.readableId = readableId
        self.stream = stream
        streamLength = Int(length)
    }
}
