import Testing

@testable import HTTP

/// The handshake's accept key and the Base64 it is written in, on values alone.
@Suite struct WebSocketHandshakeTests {
    @Test func acceptKeyMatchesTheRFCExample() {
        #expect(
            WebSocketHandshake.accept("dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        #expect(Base64.encode(Array("foob".utf8)) == "Zm9vYg==")
        #expect(Base64.encode(Array("fooba".utf8)) == "Zm9vYmE=")
        #expect(Base64.isEncoding("dGhlIHNhbXBsZSBub25jZQ==", ofByteCount: 16))
        #expect(!Base64.isEncoding("dGhlIHNhbXBsZSBub25jZQ", ofByteCount: 16))
    }
}
