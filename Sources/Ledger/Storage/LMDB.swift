import CLMDB

/// Thin, typed helpers over the LMDB C API; every call's error code becomes a `LedgerError`.
enum LMDB {
    static let notFound = MDB_NOTFOUND
    static let mapFull = MDB_MAP_FULL

    /// Throws `LedgerError.storage` unless `code` is zero.
    static func check(_ code: Int32, _ operation: StaticString) throws(LedgerError) {
        guard code != 0 else { return }
        throw failure(code, operation)
    }

    static func failure(_ code: Int32, _ operation: StaticString) -> LedgerError {
        let message = String(cString: mdb_strerror(code))
        return .storage(operation: operation.description, code: code, message: message)
    }

    /// Calls `body` with an `MDB_val` pointing at `bytes`.
    @inline(__always)
    static func withValue<R, E: Error>(
        _ bytes: UnsafeRawBufferPointer, _ body: (inout MDB_val) throws(E) -> R
    ) throws(E) -> R {
        var value = MDB_val(
            mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
        return try body(&value)
    }

    /// The bytes an `MDB_val` points at; valid until the transaction ends or writes there.
    @inline(__always)
    static func bytes(_ value: MDB_val) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size)
    }
}

/// Big-endian encoding of positions and versions, so LMDB's byte order is numeric order.
enum BigEndian {
    static func bytes(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) }
    }

    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    @inline(__always)
    static func read(_ bytes: UnsafeRawBufferPointer, at offset: Int = 0) -> UInt64 {
        precondition(offset + 8 <= bytes.count, "big-endian read past the end")
        return UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
