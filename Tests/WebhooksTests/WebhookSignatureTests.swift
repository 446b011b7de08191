import Foundation
import Testing

@testable import Webhooks

@Suite struct WebhookSignatureTests {
    @Test func signatureMatchesTheStandardWebhooksVector() throws {
        let key = try #require(
            WebhookSignature.key(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        let signature = WebhookSignature.sign(
            key: key, id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330,
            body: Array(#"{"test": 2432232314}"#.utf8))
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test func newSecretsAreWhsecAnd32RandomBytes() throws {
        let first = WebhookSignature.makeSecret()
        let second = WebhookSignature.makeSecret()
        #expect(first.hasPrefix("whsec_"))
        #expect(first != second)
        let key = try #require(WebhookSignature.key(secret: first))
        #expect(key.count == 32)
        #expect(Data(base64Encoded: String(first.dropFirst(6))).map(Array.init) == key)
    }

    @Test func aSecretWithoutPrefixOrNotBase64IsRefused() {
        #expect(WebhookSignature.key(secret: "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") == nil)
        #expect(WebhookSignature.key(secret: "whsec_***") == nil)
    }
}
