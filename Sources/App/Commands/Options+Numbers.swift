extension Options {
    /// The whole number above 0 given by `--name` or, without it, by the environment
    /// variable `variable`; nil when neither is set.
    /// - Throws: ``UsageError`` with `meaning` (what the number counts) when it is not one.
    mutating func positive(_ name: String, variable: String, meaning: String) throws -> Int? {
        guard let text = try value(name) ?? ServeCommand.environment(variable) else { return nil }
        guard let number = Int(text), number > 0 else {
            throw UsageError(message: "--\(name) takes \(meaning), above 0")
        }
        return number
    }
}
