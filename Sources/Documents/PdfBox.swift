/// One numbered box ("cadre") of a BSD's PDF: a title and rows of label and value, drawn
/// in a frame. Building boxes is pure; ``PdfCanvas`` draws them.
public struct PdfBox: Sendable, Equatable {
    /// One line of a box: a label and its value, or a sentence alone (empty label).
    public struct Row: Sendable, Equatable {
        /// The label, in the left column; empty for a sentence across the box.
        public var label: String
        /// The value; several lines when it does not fit.
        public var value: String

        /// Makes a row.
        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    /// The box's number as the reference lays them out ("1.1", "13"), or empty for the
    /// unnumbered ones (eco-organisme, other transporters, annexed BSDs).
    public var number: String
    /// The box's title.
    public var title: String
    /// Its rows, in order.
    public var rows: [Row]

    /// Makes a box.
    public init(number: String, title: String, rows: [Row]) {
        self.number = number
        self.title = title
        self.rows = rows
    }

    /// "Cadre 1.1 – Émetteur du bordereau", or the title alone when unnumbered.
    public var heading: String {
        number.isEmpty ? title : "Cadre \(number) – \(title)"
    }
}
