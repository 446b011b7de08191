import Ledger

/// The records a rebuild has taken from its ``LogDecoder`` and not replayed yet: the
/// decoder's batches are cut into slices of the rebuild's chunks without copying a record,
/// and the batches replayed go back to the decoder, whose thread frees them.
struct RecordsAhead {
    private var batches: [[DecodedRecord]] = []
    /// Where the first batch's records not taken yet start.
    private var offset = 0
    /// The batches taken whole, handed back by ``recycle(to:)`` once the chunks that took
    /// slices of them are gone.
    private var spent: [[DecodedRecord]] = []
    /// Whether the decoder handed out its last batch.
    private var decoderDone = false

    /// Whether every record the decoder read has been taken: the rest of the log is for the
    /// rebuild to read itself.
    var ended: Bool { decoderDone && batches.isEmpty }

    /// The next records in log order, at most `count`, waiting for the decoder when it has
    /// none ready; nil once it is done and all were taken.
    mutating func next(
        upTo count: Int, from decoder: LogDecoder
    ) throws(LedgerError) -> ArraySlice<DecodedRecord>? {
        while batches.isEmpty {
            if decoderDone { return nil }
            let batch = try decoder.next()
            decoderDone = batch.count < decoder.batchSize
            if !batch.isEmpty { batches.append(batch) }
        }
        let end = min(batches[0].count, offset + count)
        let slice = batches[0][offset..<end]
        if end == batches[0].count {
            spent.append(batches.removeFirst())
            offset = 0
        } else {
            offset = end
        }
        return slice
    }

    /// Hands the batches taken whole back to the decoder; call when no slice of them is
    /// held any more.
    mutating func recycle(to decoder: LogDecoder) {
        decoder.discard(spent)
        spent = []
    }
}
