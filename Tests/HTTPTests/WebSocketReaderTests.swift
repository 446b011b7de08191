import Testing

@testable import HTTP

/// The frame rules of RFC 6455 on bytes alone, without a socket.
@Suite struct WebSocketReaderTests {
    /// A masked client frame.
    private func frame(_ opcode: UInt8, _ payload: [UInt8], fin: Bool = true) -> [UInt8] {
        let key: [UInt8] = [1, 2, 3, 4]
        var bytes: [UInt8] = [(fin ? 0x80 : 0) | opcode]
        if payload.count < 126 {
            bytes.append(0x80 | UInt8(payload.count))
        } else {
            bytes += [0x80 | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        }
        return bytes + key + payload.enumerated().map { $0.element ^ key[$0.offset % 4] }
    }

    @Test func messageSplitAcrossReadsCompletesOnTheLastByte() {
        var reader = WebSocketReader(maxMessageBytes: 1000)
        let bytes = frame(1, Array(String(repeating: "x", count: 300).utf8))
        for byte in bytes.dropLast() { #expect(reader.read([byte]).isEmpty) }
        #expect(reader.read([bytes.last!]) == [.message(.text(String(repeating: "x", count: 300)))])
    }

    @Test func closeFrameWithoutCodeOrWithOneByteOrWithAReservedCode() {
        var empty = WebSocketReader(maxMessageBytes: 10)
        #expect(empty.read(frame(8, [])) == [.close(code: nil, reason: "")])
        var oneByte = WebSocketReader(maxMessageBytes: 10)
        #expect(oneByte.read(frame(8, [3])) == [.fail(code: 1002)])
        var reserved = WebSocketReader(maxMessageBytes: 10)
        #expect(reserved.read(frame(8, [0x03, 0xED])) == [.fail(code: 1002)])  // 1005
        var badReason = WebSocketReader(maxMessageBytes: 10)
        #expect(badReason.read(frame(8, [0x03, 0xE8, 0xFF])) == [.fail(code: 1007)])
    }

    @Test func nothingIsReadAfterAFailure() {
        var reader = WebSocketReader(maxMessageBytes: 10)
        let events = reader.read(frame(1, Array("0123456789A".utf8)) + frame(1, [65]))
        #expect(events == [.fail(code: 1009)])
        #expect(reader.read(frame(1, [65])).isEmpty)
    }

    @Test func textSplitInsideACharacterIsValidOnceJoined() {
        var reader = WebSocketReader(maxMessageBytes: 100)
        let bytes = Array("é".utf8)
        let events = reader.read(frame(1, [bytes[0]], fin: false) + frame(0, [bytes[1]]))
        #expect(events == [.message(.text("é"))])
    }

    @Test func newDataFrameInsideAFragmentedMessageIsAProtocolError() {
        var reader = WebSocketReader(maxMessageBytes: 100)
        #expect(reader.read(frame(1, [65], fin: false) + frame(2, [66])) == [.fail(code: 1002)])
    }

    @Test func reservedBitsAreAProtocolError() {
        var reader = WebSocketReader(maxMessageBytes: 100)
        var bytes = frame(1, [65])
        bytes[0] |= 0x40
        #expect(reader.read(bytes) == [.fail(code: 1002)])
    }

    @Test func acceptKeyMatchesTheRFCExample() {
        #expect(
            WebSocketHandshake.accept("dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        #expect(Base64.encode(Array("foob".utf8)) == "Zm9vYg==")
        #expect(Base64.encode(Array("fooba".utf8)) == "Zm9vYmE=")
        #expect(Base64.isEncoding("dGhlIHNhbXBsZSBub25jZQ==", ofByteCount: 16))
        #expect(!Base64.isEncoding("dGhlIHNhbXBsZSBub25jZQ", ofByteCount: 16))
    }
}
