/// The ledger.
