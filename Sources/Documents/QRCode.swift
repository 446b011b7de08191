import CQREncode
import Glibc

/// A QR code as a square of modules, made by libqrencode.
public struct QRCode: Sendable, Equatable {
    /// The number of modules on a side (21 for version 1, four more per version).
    public let size: Int
    /// Whether each module is dark, row by row from the top left.
    public let modules: [Bool]

    /// Encodes `text` as 8-bit data, with error correction level M (15 % of the symbol
    /// can be lost), in the smallest version that holds it.
    /// - Throws: ``PdfError/qrCode(text:errno:)`` when libqrencode refuses the text.
    public init(_ text: String) throws(PdfError) {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else {
            throw .qrCode(text: text, errno: errno)
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        // libqrencode sets bit 0 of each byte for a dark module; the other bits describe
        // how the module was made.
        modules = (0..<width * width).map { code.pointee.data[$0] & 1 == 1 }
    }

    /// Whether the module at `row`, `column` (from the top left) is dark.
    public func isDark(row: Int, column: Int) -> Bool {
        modules[row * size + column]
    }
}
