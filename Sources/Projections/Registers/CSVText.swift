/// CSV text for other modules' files, with the registers' quoting rules (RFC 4180).
public enum CSVText {
    /// `field` quoted when it holds a comma, a quote or a line break.
    public static func field(_ field: String) -> String { RegisterCSVWriter.escaped(field) }

    /// One line: the fields joined by commas, ended by CRLF.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}
