import GraphQL
import Identity
import Webhooks

/// The GraphQL schema served at `/graphql`: its SDL, with resolvers attached by name. The
/// names and shapes follow Trackdéchets' public API so that integrations port unchanged.
enum APISchema {
    static let sdl = """
        "A date and time in UTC, RFC 3339 with microseconds."
        scalar DateTime

        type Query {
          "The user the request's token belongs to."
          me: User!
          "The companies the user belongs to, with the user's role in each."
          myCompanies: [CompanyPrivate!]!
          "The user's personal access tokens; the token values themselves are never shown again."
          accessTokens: [AccessToken!]!
        }

        type Mutation {
          "Creates an account; the email must not be taken."
          signup(userInfos: SignupInput!): User!
          "Exchanges an email and password for a token valid 24 hours."
          login(email: String!, password: String!): AuthPayload!
          "Changes the user's password; the old one is required."
          changePassword(oldPassword: String!, newPassword: String!): User!
          "Creates a personal access token; its value is shown in this answer only."
          createAccessToken(input: CreateAccessTokenInput!): NewAccessToken!
          "Revokes one of the user's access tokens."
          revokeAccessToken(id: ID!): AccessToken!
          "Registers a company; the user becomes its ADMIN."
          createCompany(companyInput: PrivateCompanyInput!): CompanyPrivate!
          "Changes a company's profile or links its transporter receipt (ADMIN only)."
          updateCompany(
            id: ID!, companyName: String, address: String, companyTypes: [CompanyType!],
            transporterReceiptId: ID
          ): CompanyPrivate!
          "Records a transporter receipt, to link to a company with updateCompany."
          createTransporterReceipt(input: TransporterReceiptInput!): TransporterReceipt!
          "Invites an email to a company with a role (ADMIN only)."
          inviteUserToCompany(email: String!, siret: String!, role: UserRole!): CompanyPrivate!
          "Removes a member from a company (ADMIN only)."
          removeUserFromCompany(userId: ID!, siret: String!): CompanyPrivate!
          "Changes a member's role (ADMIN only)."
          changeUserRole(userId: ID!, orgId: ID!, role: UserRole!): CompanyMember!
          "Draws a new 4-digit security code for a company (ADMIN only)."
          renewSecurityCode(siret: String!): CompanyPrivate!
        }

        type User {
          id: ID!
          email: String!
          name: String!
        }

        type AuthPayload {
          token: String!
          user: User!
        }

        type AccessToken {
          id: ID!
          description: String!
          createdAt: DateTime!
          lastUsed: DateTime
          isRevoked: Boolean!
        }

        type NewAccessToken {
          id: ID!
          token: String!
          description: String!
        }

        enum UserRole { ADMIN MEMBER DRIVER READER }

        enum CompanyType {
          PRODUCER COLLECTOR WASTEPROCESSOR TRANSPORTER WASTE_VEHICLES WASTE_CENTER TRADER
          BROKER ECO_ORGANISME DISPOSAL_FACILITY RECOVERY_FACILITY WORKER INTERMEDIARY CREMATORIUM
        }

        type CompanyPrivate {
          id: ID!
          orgId: String!
          siret: String
          vatNumber: String
          name: String!
          address: String!
          companyTypes: [CompanyType!]!
          "The caller's role in this company."
          userRole: UserRole!
          "Shown to members only."
          securityCode: String!
          transporterReceipt: TransporterReceipt
          "Shown to ADMINs; empty for other roles."
          users: [CompanyMember!]!
        }

        type CompanyMember {
          id: ID!
          email: String!
          name: String!
          role: UserRole!
        }

        type TransporterReceipt {
          id: ID!
          receiptNumber: String!
          validityLimit: String!
          department: String!
        }

        input SignupInput {
          email: String!
          password: String!
          name: String!
        }

        input CreateAccessTokenInput {
          description: String!
        }

        input PrivateCompanyInput {
          siret: String
          vatNumber: String
          companyName: String!
          address: String!
          companyTypes: [CompanyType!]!
        }

        input TransporterReceiptInput {
          receiptNumber: String!
          validityLimit: String!
          department: String!
        }
        """

    /// Builds the schema with the resolvers of `identity`, of the BSD operations, of
    /// `webhooks` and of `subscriptions` (without the last two, their fields have no
    /// resolver: schema tests only).
    static func make(
        identity: IdentityService, forms: FormResolvers, webhooks: WebhookService? = nil,
        subscriptions: SubscriptionResolvers? = nil, inspection: InspectionResolvers? = nil
    ) throws(GraphQLError) -> GraphQLSchema {
        let resolvers = IdentityResolvers(identity: identity)
        let hooks = webhooks.map { WebhookResolvers(identity: identity, webhooks: $0) }
        let queries = resolvers.queries.merging(forms.queryResolvers) { first, _ in first }
            .merging(hooks?.queries ?? [:]) { first, _ in first }
            .merging(inspection?.queries ?? [:]) { first, _ in first }
        let writes = resolvers.mutations.merging(forms.mutationResolvers) { first, _ in first }
            .merging(hooks?.mutations ?? [:]) { first, _ in first }
        // Inspectors only read: every mutation but the account's own refuses them.
        let mutations = inspection?.gate.readOnlyForInspectors(writes) ?? writes
        let fields = ["Query": queries, "Mutation": mutations]
        return try GraphQLSchema(
            sdl: sdl + "\n" + FormSchema.sdl + "\n" + WebhookSchema.sdl + "\n"
                + SubscriptionSchema.sdl + "\n" + AuditSchema.sdl + "\n" + PdfSchema.sdl + "\n"
                + InspectionSchema.sdl,
            resolvers: SchemaResolvers(
                fields: fields.merging(subscriptions?.fields ?? [:]) { first, _ in first },
                subscriptions: subscriptions?.sources ?? [:],
                scalars: ["DateTime": APIScalars.dateTime, "JSON": .json]))
    }
}
