import Ledger

/// What the server remembers about one idempotency key: the request it was first used for,
/// when, and (once that request has been answered) the answer to replay.
///
/// Stored as bytes: format (1), state (0 pending, 1 done), the fingerprint (32), the creation
/// time in microseconds (8, big-endian); when done, the status (2, big-endian), the content
/// type's length (2, big-endian) and bytes, then the body to the end.
public struct IdempotencyRecord: Sendable, Equatable {
    /// An answer kept for replay.
    public struct Response: Sendable, Equatable {
        /// The HTTP status.
        public var status: Int
        /// The `Content-Type` header.
        public var contentType: String
        /// The body, byte for byte.
        public var body: [UInt8]

        /// Makes a stored answer.
        public init(status: Int, contentType: String, body: [UInt8]) {
            self.status = status
            self.contentType = contentType
            self.body = body
        }
    }

    /// SHA-256 of the first request (see ``fingerprint(method:path:body:)``).
    public var fingerprint: Hash
    /// When the key was first used, in microseconds since the epoch.
    public var createdAt: Int64
    /// The answer; nil while the request is running, or when its outcome was lost.
    public var response: Response?

    /// Makes a record.
    public init(fingerprint: Hash, createdAt: Int64, response: Response? = nil) {
        self.fingerprint = fingerprint
        self.createdAt = createdAt
        self.response = response
    }

    /// What identifies a request: SHA-256 of the method, the path and the body, with a zero
    /// byte after each of the first two so that no two requests give the same input.
    public static func fingerprint(method: String, path: String, body: [UInt8]) -> Hash {
        Hash.sha256(Array(method.utf8), [0], Array(path.utf8), [0], body)
    }

    /// The first byte of every stored record: the layout version.
    static let format: UInt8 = 1
    /// Bytes before the answer: format, state, fingerprint, creation time.
    static let headerLength = 42

    /// The stored form.
    func encoded() -> [UInt8] {
        var bytes: [UInt8] = [Self.format, response == nil ? 0 : 1]
        bytes.reserveCapacity(Self.headerLength + 4 + (response?.body.count ?? 0) + 64)
        bytes += fingerprint.bytes
        append(UInt64(bitPattern: createdAt), width: 8, to: &bytes)
        if let response {
            let type = Array(response.contentType.utf8)
            append(UInt64(response.status), width: 2, to: &bytes)
            append(UInt64(type.count), width: 2, to: &bytes)
            bytes += type
            bytes += response.body
        }
        return bytes
    }

    /// Decodes the stored form; nil when the bytes are not a record of this format.
    init?(decoding bytes: UnsafeRawBufferPointer) {
        guard let createdAt = Self.createdAt(in: bytes) else { return nil }
        let fingerprint = Hash(bytes: Array(bytes[2..<34]))
        switch bytes[1] {
        case 0:
            self.init(fingerprint: fingerprint, createdAt: createdAt)
        case 1 where bytes.count >= Self.headerLength + 4:
            let status = Int(Self.read(bytes, at: Self.headerLength, width: 2))
            let typeLength = Int(Self.read(bytes, at: Self.headerLength + 2, width: 2))
            let typeStart = Self.headerLength + 4
            guard bytes.count >= typeStart + typeLength else { return nil }
            let type = String(
                decoding: bytes[typeStart..<typeStart + typeLength], as: UTF8.self)
            let body = Array(bytes[(typeStart + typeLength)...])
            self.init(
                fingerprint: fingerprint, createdAt: createdAt,
                response: Response(status: status, contentType: type, body: body))
        default:
            return nil
        }
    }

    /// The creation time of a stored record, read without decoding the rest (for purges).
    static func createdAt(in bytes: UnsafeRawBufferPointer) -> Int64? {
        guard bytes.count >= headerLength, bytes[0] == format else { return nil }
        return Int64(bitPattern: read(bytes, at: 34, width: 8))
    }

    private func append(_ value: UInt64, width: Int, to bytes: inout [UInt8]) {
        for index in stride(from: width - 1, through: 0, by: -1) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(8 * index)))
        }
    }

    private static func read(_ bytes: UnsafeRawBufferPointer, at offset: Int, width: Int) -> UInt64
    {
        bytes[offset..<offset + width].reduce(0) { $0 << 8 | UInt64($1) }
    }
}
