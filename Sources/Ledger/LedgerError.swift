import CanonicalJSON

/// Why the ledger refused or failed an operation. Each case carries what a caller needs to
/// decide what to do next.
public enum LedgerError: Error, Equatable, Sendable {
    /// The stream's last version is not what the caller expected (`actual` nil: no stream).
    case wrongExpectedVersion(stream: String, expected: ExpectedVersion, actual: UInt64?)
    /// An event id already in the log came back with other content, or inside a batch that is
    /// not the one first appended with it.
    case eventIDReused(EventID, position: UInt64)
    /// The same event id appears twice in one append.
    case duplicateEventID(EventID)
    /// A stream id that is empty, too long, or holds characters outside `[A-Za-z0-9._:@-]`.
    case invalidStreamID(String)
    /// An event type that is empty, too long, or holds characters outside `[A-Za-z0-9_.]`.
    case invalidEventType(String)
    /// A payload or metadata value that is not canonical JSON.
    case payloadNotCanonical(EventID, JSONError)
    /// An inline projection refused the events; nothing was written.
    case projectionFailed(projection: String, reason: String)
    /// A stored record that cannot be decoded.
    case corruptRecord(position: UInt64, reason: String)
    /// The Merkle database disagrees with the log (a node missing, or more nodes than
    /// events).
    case corruptMerkle(reason: String)
    /// A tree size or position outside the Merkle tree (`available` is its current size).
    case outsideTree(requested: UInt64, available: UInt64)
    /// The data folder holds a ledger written in a layout this version cannot read.
    case incompatibleFormat(found: String)
    /// LMDB reported an error.
    case storage(operation: String, code: Int32, message: String)
    /// This process already has a ledger open on the folder (LMDB forbids opening one
    /// environment twice in a process).
    case alreadyOpen(path: String)
    /// The ledger was closed.
    case closed
}
