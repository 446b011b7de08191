import Domain

/// What a company's list entry holds about a BSD, enough to apply every `forms` filter
/// without reading the BSD itself: written as the value of each list index entry.
public struct FormSummary: Hashable, Sendable {
    /// The BSD's id.
    public var formId: String
    /// Its status.
    public var status: FormStatus
    /// The roles of the entry's company on it.
    public var roles: Set<FormRole>
    /// Whether the entry's company has the next step to do.
    public var hasNextStep: Bool
    /// The waste code, if any.
    public var wasteCode: String?
    /// The integrator's own id, if any.
    public var customId: String?
    /// When the BSD last changed (µs since the epoch).
    public var updatedAt: Int64
    /// When the waste was first taken over, if it was.
    public var sentAt: Int64?
    /// Every company named on the BSD.
    public var orgIds: [String]

    /// The compact binary form stored in the indexes.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(96)
        out.append(UInt8(FormStatus.allCases.firstIndex(of: status)!))
        out.append(FormRole.mask(roles))
        out.append(hasNextStep ? 1 : 0)
        IndexKey.appending(instant: updatedAt, to: &out)
        IndexKey.appending(instant: sentAt ?? .min, to: &out)
        for text in [formId, wasteCode ?? "", customId ?? ""] + orgIds {
            IndexKey.appending(text, to: &out)
        }
        return out
    }

    /// Reads the binary form; nil when it is malformed.
    init?(bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 19, Int(bytes[0]) < FormStatus.allCases.count else { return nil }
        status = FormStatus.allCases[Int(bytes[0])]
        roles = Set(FormRole.allCases.filter { bytes[1] & $0.bit != 0 })
        hasNextStep = bytes[2] == 1
        updatedAt = IndexKey.instant(bytes, at: 3)
        let sent = IndexKey.instant(bytes, at: 11)
        sentAt = sent == .min ? nil : sent
        var texts: [String] = []
        var start = 19
        for index in 19..<bytes.count where bytes[index] == 0 {
            texts.append(String(decoding: bytes[start..<index], as: UTF8.self))
            start = index + 1
        }
        guard texts.count >= 3 else { return nil }
        formId = texts[0]
        wasteCode = texts[1].isEmpty ? nil : texts[1]
        customId = texts[2].isEmpty ? nil : texts[2]
        orgIds = Array(texts[3...])
    }

    init(
        formId: String, status: FormStatus, roles: Set<FormRole>, hasNextStep: Bool,
        wasteCode: String?, customId: String?, updatedAt: Int64, sentAt: Int64?,
        orgIds: [String]
    ) {
        self.formId = formId
        self.status = status
        self.roles = roles
        self.hasNextStep = hasNextStep
        self.wasteCode = wasteCode
        self.customId = customId
        self.updatedAt = updatedAt
        self.sentAt = sentAt
        self.orgIds = orgIds
    }
}
