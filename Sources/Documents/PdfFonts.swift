/// The TrueType files a PDF's text is drawn with; they are embedded in each document.
public struct PdfFonts: Sendable, Equatable {
    /// The regular face.
    public var regular: String
    /// The bold face.
    public var bold: String

    /// DejaVu Sans as Debian's fonts-dejavu-core installs it: it covers every French letter
    /// and the typographic signs used (dashes, guillemets, the euro sign).
    public static let dejaVuSans = PdfFonts(
        regular: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        bold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

    /// Names the two font files.
    public init(regular: String, bold: String) {
        self.regular = regular
        self.bold = bold
    }
}

/// An RGB colour, each component from 0 to 1.
struct PdfColor: Equatable, Sendable {
    var red: Float
    var green: Float
    var blue: Float

    static let black = PdfColor(red: 0, green: 0, blue: 0)
    static let grey = PdfColor(red: 0.35, green: 0.35, blue: 0.35)
    static let titleBand = PdfColor(red: 0.88, green: 0.91, blue: 0.95)
    static let stamp = PdfColor(red: 0.8, green: 0.05, blue: 0.05)
}
