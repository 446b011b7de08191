/// Where ``FormEntries`` puts entries: a ``WriteBatch`` directly, or an ``EntryList`` to
/// compare with the entries of another state.
protocol EntrySink {
    /// A value as the sink keeps it, handed to every entry that shares it.
    associatedtype Value

    /// Keeps `bytes` for the entries that will share them.
    func value(_ bytes: [UInt8]) -> Value

    /// Takes the entry of database `kind` with `value`, under the key `build` appends to
    /// an empty buffer.
    func put(_ kind: FormDatabases.Kind, value: Value, key build: (inout [UInt8]) -> Void)
}

extension WriteBatch: EntrySink {}

/// Entries collected in memory, each with its own key array.
final class EntryList: EntrySink {
    private(set) var entries: [Entry] = []

    func value(_ bytes: [UInt8]) -> [UInt8] { bytes }

    func put(_ kind: FormDatabases.Kind, value: [UInt8], key build: (inout [UInt8]) -> Void) {
        var key: [UInt8] = []
        build(&key)
        entries.append((kind, key, value))
    }
}
