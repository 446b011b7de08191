import Ledger

/// The records a rebuild has taken from its ``LogDecoder`` and not replayed yet: the
/// decoder's batches are cut into chunks of the rebuild's size without copying a record,
/// and the batches replayed go back to the decoder, whose thread frees them.
struct RecordsAhead {
    private var batches: [[DecodedRecord]] = []
    /// Where the first batch's records not taken yet start.
    private var offset = 0
    /// The batches taken whole by the previous chunk, handed back at the next one, when
    /// that chunk's slices of them are gone.
    private var spent: [[DecodedRecord]] = []
    /// Whether the decoder handed out its last batch.
    private var decoderDone = false

    /// Whether every record the decoder read has been taken: the rest of the log is for the
    /// rebuild to read itself.
    var ended: Bool { decoderDone && batches.isEmpty }

    /// Up to `count` records in log order, in slices of the decoder's batches; fewer only
    /// once the decoder is done.
    mutating func take(
        _ count: Int, from decoder: LogDecoder
    ) throws(LedgerError) -> [ArraySlice<DecodedRecord>] {
        decoder.discard(spent)
        spent = []
        var taken: [ArraySlice<DecodedRecord>] = []
        var wanted = count
        while wanted > 0 {
            if batches.isEmpty {
                if decoderDone { break }
                let batch = try decoder.next()
                decoderDone = batch.count < decoder.batchSize
                if batch.isEmpty { break }
                batches.append(batch)
            }
            let end = min(batches[0].count, offset + wanted)
            taken.append(batches[0][offset..<end])
            wanted -= end - offset
            if end == batches[0].count {
                spent.append(batches.removeFirst())
                offset = 0
            } else {
                offset = end
            }
        }
        return taken
    }
}
