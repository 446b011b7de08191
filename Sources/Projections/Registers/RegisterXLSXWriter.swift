import CXLSXWriter

/// Writes a register as an XLSX workbook with libxlsxwriter in constant-memory mode (each
/// row goes to disk as it is written): dates as real dates shown `yyyy-mm-dd`, tonnes as
/// numbers shown with 3 decimals, flags as `O`/`N`, a bold frozen header.
public struct RegisterXLSXWriter: RegisterSink {
    private let workbook: UnsafeMutablePointer<lxw_workbook>
    private let sheet: UnsafeMutablePointer<lxw_worksheet>
    private let dateFormat: UnsafeMutablePointer<lxw_format>
    private let tonnesFormat: UnsafeMutablePointer<lxw_format>
    private let headerFormat: UnsafeMutablePointer<lxw_format>
    private let path: String
    private var row: UInt32 = 0

    /// Creates the workbook at `path` with one sheet named after the register.
    public init(path: String, sheetName: String) throws(RegisterError) {
        var options = lxw_workbook_options()
        options.constant_memory = UInt8(LXW_TRUE.rawValue)
        guard let workbook = workbook_new_opt(path, &options),
            let sheet = workbook_add_worksheet(workbook, sheetName),
            let dateFormat = workbook_add_format(workbook),
            let tonnesFormat = workbook_add_format(workbook),
            let headerFormat = workbook_add_format(workbook)
        else { throw .output(path: path, reason: "libxlsxwriter could not create the workbook") }
        format_set_num_format(dateFormat, "yyyy-mm-dd")
        format_set_num_format(tonnesFormat, "0.000")
        format_set_bold(headerFormat)
        self.workbook = workbook
        self.sheet = sheet
        self.dateFormat = dateFormat
        self.tonnesFormat = tonnesFormat
        self.headerFormat = headerFormat
        self.path = path
    }

    /// Writes the bold header row and freezes it.
    public mutating func begin(columns: [String]) throws {
        worksheet_freeze_panes(sheet, 1, 0)
        for (index, label) in columns.enumerated() {
            try check(worksheet_write_string(sheet, row, lxw_col_t(index), label, headerFormat))
        }
        row += 1
    }

    /// Writes one row.
    public mutating func write(_ cells: [RegisterCell]) throws {
        for (index, cell) in cells.enumerated() {
            let column = lxw_col_t(index)
            switch cell {
            case .date(let microseconds?):
                let (year, month, day) = CivilDate.parts(microseconds)
                var value = lxw_datetime(
                    year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0,
                    sec: 0)
                try check(worksheet_write_datetime(sheet, row, column, &value, dateFormat))
            case .tonnes(let grams?):
                let kilograms = Double((abs(grams) + 500) / 1000) * (grams < 0 ? -1 : 1)
                try check(
                    worksheet_write_number(sheet, row, column, kilograms / 1000, tonnesFormat))
            default:
                let text = cell.text
                if !text.isEmpty {
                    try check(worksheet_write_string(sheet, row, column, text, nil))
                }
            }
        }
        row += 1
    }

    /// Closes the workbook, which writes the file.
    public mutating func finish() throws {
        try check(workbook_close(workbook))
    }

    private func check(_ error: lxw_error) throws {
        guard error == LXW_NO_ERROR else {
            throw RegisterError.output(
                path: path, reason: String(cString: lxw_strerror(error)))
        }
    }
}
