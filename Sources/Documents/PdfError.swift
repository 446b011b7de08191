/// Why a PDF could not be drawn.
public enum PdfError: Error, Equatable, Sendable {
    /// libharu could not make a document (out of memory).
    case documentNotCreated
    /// A TrueType font could not be loaded from `path` (missing file or not a TrueType font;
    /// Debian's fonts-dejavu-core installs the default ones).
    case fontNotLoaded(path: String)
    /// libharu reported an error while drawing or saving: its error and detail codes
    /// (`HPDF_*` in `hpdf_error.h`).
    case drawing(code: UInt, detail: UInt)
    /// libqrencode could not encode `text`.
    case qrCode(text: String, errno: Int32)
}
