/// A BSD's PDF to produce when its link is followed: which BSD, for whom, and the companies
/// through which the user could read it when the link was issued.
struct FormPdfDownload: Sendable, Equatable {
    /// Whom the link was issued to (a user id; for a road-control link, the user who made it).
    var userId: String
    /// The BSD's opaque id.
    var formId: String
    /// The companies whose reading right is checked again when the file is made; nil for a
    /// caller allowed to read every BSD (an inspector account), checked when the link was
    /// issued.
    var companies: Set<String>?
}
