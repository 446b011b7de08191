/// The media type of a GraphQL response, chosen from the request's `Accept` header as the
/// GraphQL-over-HTTP specification describes.
enum ResponseMediaType: Equatable {
    /// `application/graphql-response+json`: status codes tell request errors apart.
    case graphQLResponse
    /// `application/json`: the legacy type; well-formed requests always get 200.
    case json

    var contentType: String {
        switch self {
        case .graphQLResponse: "application/graphql-response+json; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        }
    }

    /// The type to answer with, or nil when the client accepts neither (406).
    /// A missing header or `*/*` gets `application/json`, which every client understands.
    static func negotiate(accept: String?) -> ResponseMediaType? {
        guard let accept, !accept.trimmingWhitespace.isEmpty else { return .json }
        var best: (type: ResponseMediaType, quality: Double)?
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";").map {
                String($0).trimmingWhitespace.lowercased()
            }
            let quality = parts.dropFirst().compactMap(Self.quality).first ?? 1
            guard quality > 0, let type = Self.type(parts[0]) else { continue }
            if best == nil || quality > best!.quality { best = (type, quality) }
        }
        return best?.type
    }

    private static func type(_ name: String) -> ResponseMediaType? {
        switch name {
        case "application/graphql-response+json": .graphQLResponse
        case "application/json", "application/*", "*/*": .json
        default: nil
        }
    }

    private static func quality(_ parameter: String) -> Double? {
        guard parameter.hasPrefix("q=") else { return nil }
        return Double(parameter.dropFirst(2))
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingWhitespace: String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
            let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })
        else { return "" }
        return String(self[first...last])
    }
}
