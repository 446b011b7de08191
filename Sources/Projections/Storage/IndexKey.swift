/// Byte keys of the projection's indexes. Numbers are big-endian and instants have their
/// sign bit flipped, so LMDB's byte order is numeric and chronological order; strings end
/// with a zero byte, so a company's entries form one contiguous range.
enum IndexKey {
    /// `orgId 0`: the prefix of every per-company entry.
    static func company(_ orgId: String) -> [UInt8] {
        var key = Array(orgId.utf8)
        key.append(0)
        return key
    }

    static func appending(_ value: UInt64, to key: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { key.append(contentsOf: $0) }
    }

    static func appending(instant: Int64, to key: inout [UInt8]) {
        appending(UInt64(bitPattern: instant) ^ (1 << 63), to: &key)
    }

    static func appending(_ text: String, to key: inout [UInt8]) {
        key.append(contentsOf: text.utf8)
        key.append(0)
    }

    /// Reads a big-endian number at `offset`.
    static func number(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in offset..<offset + 8 { value = value << 8 | UInt64(bytes[index]) }
        return value
    }

    /// Reads an instant written by ``appending(instant:to:)``.
    static func instant(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Int64 {
        Int64(bitPattern: number(bytes, at: offset) ^ (1 << 63))
    }

    /// `orgId 0 row`: the company list, in creation order.
    static func companyRow(_ orgId: String, _ row: UInt64) -> [UInt8] {
        var key: [UInt8] = []
        appendCompanyRow(orgId, row, to: &key)
        return key
    }

    /// Appends `orgId 0 row` to `key`.
    static func appendCompanyRow(_ orgId: String, _ row: UInt64, to key: inout [UInt8]) {
        appending(orgId, to: &key)
        appending(row, to: &key)
    }

    /// `orgId 0 text 0 row`: the status, waste-code and custom-id lists.
    static func companyText(_ orgId: String, _ text: String, _ row: UInt64) -> [UInt8] {
        var key: [UInt8] = []
        appendCompanyText(orgId, text, row, to: &key)
        return key
    }

    /// Appends `orgId 0 text 0 row` to `key`.
    static func appendCompanyText(
        _ orgId: String, _ text: String, _ row: UInt64, to key: inout [UInt8]
    ) {
        appending(orgId, to: &key)
        appending(text, to: &key)
        appending(row, to: &key)
    }

    /// `orgId 0 loggedAt position`: a status log entry.
    static func lifecycle(_ orgId: String, loggedAt: Int64, position: UInt64) -> [UInt8] {
        var key: [UInt8] = []
        appendLifecycle(orgId, loggedAt: loggedAt, position: position, to: &key)
        return key
    }

    /// Appends `orgId 0 loggedAt position` to `key`.
    static func appendLifecycle(
        _ orgId: String, loggedAt: Int64, position: UInt64, to key: inout [UInt8]
    ) {
        appending(orgId, to: &key)
        appending(instant: loggedAt, to: &key)
        appending(position, to: &key)
    }

    /// `orgId 0 type 0 date row`: a register row.
    static func register(
        _ orgId: String, _ type: RegisterType, date: Int64, row: UInt64
    ) -> [UInt8] {
        var key: [UInt8] = []
        appendRegister(orgId, type, date: date, row: row, to: &key)
        return key
    }

    /// Appends `orgId 0 type 0 date row` to `key`.
    static func appendRegister(
        _ orgId: String, _ type: RegisterType, date: Int64, row: UInt64, to key: inout [UInt8]
    ) {
        appending(orgId, to: &key)
        appending(type.rawValue, to: &key)
        appending(instant: date, to: &key)
        appending(row, to: &key)
    }

    /// `transporterId 0`: the prefix of a transporter's attachment entries.
    static func transporter(_ transporterId: String) -> [UInt8] {
        var key: [UInt8] = []
        appending(transporterId, to: &key)
        return key
    }

    /// `transporterId 0 formId 0`: transporter `transporterId` is on BSD `formId`. The form
    /// id is in the key so that two BSDs naming one id (which the API refuses) keep an
    /// entry each instead of overwriting one another.
    static func transporter(_ transporterId: String, formId: String) -> [UInt8] {
        var key: [UInt8] = []
        appendTransporter(transporterId, formId: formId, to: &key)
        return key
    }

    /// Appends `transporterId 0 formId 0` to `key`.
    static func appendTransporter(
        _ transporterId: String, formId: String, to key: inout [UInt8]
    ) {
        appending(transporterId, to: &key)
        appending(formId, to: &key)
    }
}
