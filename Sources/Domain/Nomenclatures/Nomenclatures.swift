/// The waste list and the treatment operations, compiled in from shared/data by
/// tools/gen-nomenclatures.py.
public enum Nomenclatures {
    /// Leaf waste codes and their labels.
    static let wasteLabels: [String: String] = {
        var labels: [String: String] = [:]
        for entry in wasteCodeEntries { labels[entry.code] = entry.label }
        return labels
    }()

    /// The ten codes reserved to other BSD types (asbestos, refrigerants, healthcare).
    static let reservedForOtherBSDTypes: Set<String> = [
        "14 06 01*", "06 07 01*", "06 13 04*", "10 13 09*", "16 01 11*", "16 02 12*",
        "17 06 01*", "17 06 05*", "18 01 03*", "18 02 02*",
    ]

    /// Sub-chapters whose codes may go on an annexe-1 collection round.
    static let appendix1Prefixes = ["13 02", "13 05", "16 02", "16 07", "20 01"]

    /// Operations keyed by their code without spaces, so `R1` and `R 1` both resolve.
    static let operationsByCompactCode: [String: ProcessingOperation] = {
        var table: [String: ProcessingOperation] = [:]
        for operation in operationEntries { table[compact(operation.code)] = operation }
        return table
    }()

    /// Number of leaf codes in the waste list.
    public static var wasteCodeCount: Int { wasteLabels.count }

    /// The label of a leaf waste code written exactly in the spaced format, or nil.
    public static func wasteLabel(_ code: String) -> String? { wasteLabels[code] }

    /// Whether `code` is a leaf of the waste list usable on a BSDD (exact spaced format).
    public static func isBSDDWasteCode(_ code: String) -> Bool {
        wasteLabels[code] != nil && !reservedForOtherBSDTypes.contains(code)
    }

    /// Whether a waste code denotes dangerous waste: it ends with `*`.
    public static func isDangerous(_ code: String) -> Bool { code.hasSuffix("*") }

    /// Whether a waste code may be used on an annexe-1 collection round.
    public static func isAppendix1WasteCode(_ code: String) -> Bool {
        appendix1Prefixes.contains { code.hasPrefix($0 + " ") }
    }

    /// The operation for a code, spaced or not (`D 9 F`, `D9F`), or nil.
    public static func operation(_ code: String) -> ProcessingOperation? {
        operationsByCompactCode[compact(code)]
    }

    /// All operations, in the data's order.
    public static var operations: [ProcessingOperation] { operationEntries }

    private static func compact(_ code: String) -> String {
        String(code.uppercased().filter { $0 != " " })
    }
}
