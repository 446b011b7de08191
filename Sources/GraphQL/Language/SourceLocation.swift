/// A position in a GraphQL source text, counted from 1 in lines and in Unicode scalars.
public struct SourceLocation: Sendable, Hashable, Comparable {
    /// The line, starting at 1.
    public var line: Int
    /// The column within the line, starting at 1 and counting Unicode scalars.
    public var column: Int

    /// Creates a location from a line and a column, both counted from 1.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders locations as they appear in the source.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.line != rhs.line ? lhs.line < rhs.line : lhs.column < rhs.column
    }
}
