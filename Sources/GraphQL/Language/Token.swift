/// One lexical token of a GraphQL document.
struct Token: Sendable {
    /// The lexical category of a token.
    enum Kind: Sendable, Equatable {
        case startOfFile, endOfFile
        case bang, dollar, ampersand, parenLeft, parenRight, spread, colon, equals, at
        case bracketLeft, bracketRight, braceLeft, pipe, braceRight
        case name, int, float, string, blockString

        /// How error messages show this kind of token.
        var display: String {
            switch self {
            case .startOfFile: return "<SOF>"
            case .endOfFile: return "<EOF>"
            case .bang: return "\"!\""
            case .dollar: return "\"$\""
            case .ampersand: return "\"&\""
            case .parenLeft: return "\"(\""
            case .parenRight: return "\")\""
            case .spread: return "\"...\""
            case .colon: return "\":\""
            case .equals: return "\"=\""
            case .at: return "\"@\""
            case .bracketLeft: return "\"[\""
            case .bracketRight: return "\"]\""
            case .braceLeft: return "\"{\""
            case .pipe: return "\"|\""
            case .braceRight: return "\"}\""
            case .name: return "Name"
            case .int: return "Int"
            case .float: return "Float"
            case .string: return "String"
            case .blockString: return "BlockString"
            }
        }
    }

    var kind: Kind
    /// Byte offset of the first byte of the token in the UTF-8 source.
    var start: Int
    /// Byte offset just past the token.
    var end: Int
    var location: SourceLocation
    /// The decoded value of names, numbers and strings; empty for punctuators.
    var value: String

    /// How error messages describe this token.
    var description: String {
        switch kind {
        case .name, .int, .float, .string, .blockString:
            return "\(kind.display) \"\(value)\""
        default:
            return kind.display
        }
    }
}
