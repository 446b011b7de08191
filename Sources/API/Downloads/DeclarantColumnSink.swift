import Projections

/// Puts several companies' registers in one file: one header, then every company's rows,
/// each led by the SIRET of the company whose register it is.
///
/// ``RegisterExport`` begins and finishes its sink once per company; this sink writes the
/// header on the first `begin` only, ignores `finish`, and ends the file on ``close()``.
struct DeclarantColumnSink<Inner: RegisterSink>: RegisterSink {
    private var inner: Inner
    private var begun = false
    /// The company whose rows come next.
    var siret = ""

    /// Wraps the sink of the file.
    init(_ inner: Inner) {
        self.inner = inner
    }

    /// Writes the header, with the declarant's column first, the first time only.
    mutating func begin(columns: [String]) throws {
        guard !begun else { return }
        begun = true
        try inner.begin(columns: [RegisterDownload.declarantColumn] + columns)
    }

    /// Writes one row led by ``siret``.
    mutating func write(_ cells: [RegisterCell]) throws {
        try inner.write([.text(siret)] + cells)
    }

    /// Does nothing: more companies may follow.
    mutating func finish() throws {}

    /// Ends the file, with its header alone when no company was written.
    mutating func close() throws {
        try begin(columns: RegisterColumns.all.map(\.label))
        try inner.finish()
    }
}
