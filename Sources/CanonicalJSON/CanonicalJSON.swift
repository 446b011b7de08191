/// Canonical JSON.
