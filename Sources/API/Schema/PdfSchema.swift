/// The BSD PDF and road-control part of the schema (Trackdéchets' `formPdf` and
/// `createPdfAccessToken`).
enum PdfSchema {
    static let sdl = """
        extend type Query {
          "A link to the BSD's PDF (A4, French, numbered boxes, QR code of the readable id)."
          formPdf(id: ID!): FileDownload!
        }

        extend type Mutation {
          "A link that opens the BSD's PDF without an account for 30 minutes, to show at a road \
        control; only while the waste is in transit (SENT or RESENT)."
          createPdfAccessToken(input: CreatePdfAccessTokenInput!): String!
        }

        input CreatePdfAccessTokenInput {
          "The BSD's id."
          bsdId: ID!
        }

        """
}
