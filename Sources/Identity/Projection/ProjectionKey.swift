/// Key layouts shared by the projection and its queries: parts joined by a 0 byte.
enum ProjectionKey {
    static func pair(_ first: String, _ second: String) -> [UInt8] {
        Array(first.utf8) + [0] + Array(second.utf8)
    }

    static func prefix(_ first: String) -> [UInt8] { Array(first.utf8) + [0] }

    static func text(_ value: String) -> [UInt8] { Array(value.utf8) }
}
