/// Where ``FormEntries`` puts entries: a ``WriteBatch`` directly, or an ``EntryList`` to
/// compare with the entries of another state.
protocol EntrySink {
    /// Takes the entry of database `kind` with `value`, under the key `build` appends to
    /// an empty buffer.
    func put(_ kind: FormDatabases.Kind, value: [UInt8], key build: (inout [UInt8]) -> Void)
}

extension WriteBatch: EntrySink {}

/// Entries collected in memory, each with its own key array.
final class EntryList: EntrySink {
    private(set) var entries: [Entry] = []

    func put(_ kind: FormDatabases.Kind, value: [UInt8], key build: (inout [UInt8]) -> Void) {
        var key: [UInt8] = []
        build(&key)
        entries.append((kind, key, value))
    }
}
