import CanonicalJSON
import Foundation

/// A BSD-like payload of about 500 bytes, decoded by our reader and by Foundation's
/// `JSONDecoder` in the codec benchmark.
struct BenchPayload: Codable, Equatable {
    struct Company: Codable, Equatable {
        var address: String
        var name: String
        var siret: String
    }

    struct Emitter: Codable, Equatable {
        var company: Company
        var type: String
    }

    struct Recipient: Codable, Equatable {
        var cap: String
        var processingOperation: String
        var siret: String
    }

    struct Transporter: Codable, Equatable {
        var number: Int64
        var plate: String
        var siret: String
    }

    var emitter: Emitter
    var quantity: Double
    var readableId: String
    var recipient: Recipient
    var status: String
    var transporters: [Transporter]
    var wasteCode: String
    var wasteName: String

    /// The appended sample (about 400 bytes), with `sequence` in its readable id so payloads
    /// differ.
    static func sample(_ sequence: Int) -> BenchPayload {
        var payload = full(sequence)
        payload.transporters.removeLast()
        payload.wasteName = "huiles moteur usagées"
        payload.emitter.company.address = "12 rue de la Paix Paris"
        return payload
    }

    /// The larger form (about 530 bytes, two transporters), used for the decode measure.
    static func full(_ sequence: Int) -> BenchPayload {
        BenchPayload(
            emitter: Emitter(
                company: Company(
                    address: "12 rue de la Paix 75002 Paris", name: "Garage Dupont et Fils",
                    siret: "85001946400021"),
                type: "PRODUCER"),
            quantity: 1.25,
            readableId: "TD-26-AAA\(String(sequence % 100_000 + 100_000).dropFirst())",
            recipient: Recipient(
                cap: "CAP-2026-0042-RÉGÉNÉRATION", processingOperation: "R 9",
                siret: "13001045700013"),
            status: "SEALED",
            transporters: [
                Transporter(number: 1, plate: "AB-123-CD", siret: "40398703400020"),
                Transporter(number: 2, plate: "EF-456-GH", siret: "51212357100030"),
            ],
            wasteCode: "13 02 05*",
            wasteName: "huiles moteur usagées non chlorées à base minérale")
    }
}
