/// The webhook part of the schema: settings (ADMIN of the company only), failed deliveries
/// and their resends. Names follow Trackdéchets' `WebhookSetting` operations.
enum WebhookSchema {
    static let sdl = queries + mutations + types

    static let queries = """
        extend type Query {
          "The webhook settings of the companies you are ADMIN of, oldest first."
          webhooksettings(first: Int, after: ID): WebhookSettingConnection!
          "One webhook setting; NOT_FOUND when it does not exist or is not your company's."
          webhooksetting(id: ID!): WebhookSetting!
          "The deliveries to a setting's endpoint that were given up, by ledger position."
          webhookFailures(settingId: ID!, first: Int, after: ID): WebhookFailureConnection!
        }

        """

    static let mutations = """
        extend type Mutation {
          "Registers an endpoint for a company's BSD events; the secret is shown only here."
          createWebhookSetting(input: WebhookSettingCreateInput!): WebhookSetting!
          "Changes a setting; fields left out keep their value."
          updateWebhookSetting(id: ID!, input: WebhookSettingUpdateInput!): WebhookSetting!
          "Deletes a setting; deliveries to it stop."
          deleteWebhookSetting(id: ID!): WebhookSetting!
          "Sends one failed delivery again, with its webhook-id."
          resendWebhookFailure(settingId: ID!, position: ID!): WebhookResendResult!
          "Sends again, in order, every failed delivery after a ledger position (default: all)."
          resendWebhookFailures(settingId: ID!, after: ID): WebhookResendResult!
        }

        """

    static let types = """
        "What each delivery carries: the short Trackdéchets form, or that plus the ledger event."
        enum WebhookPayload { THIN ENVELOPE }

        type WebhookSetting {
          id: ID!
          orgId: String!
          endpointUri: String!
          activated: Boolean!
          payload: WebhookPayload!
          createdAt: DateTime!
          "Why the server turned the endpoint off (GONE, RETRIES_EXHAUSTED), while it is off."
          deactivationReason: String
          "The Standard Webhooks secret (whsec_...): in the creation answer only, else null."
          secret: String
        }

        type PageInfo {
          startCursor: ID
          endCursor: ID
          hasNextPage: Boolean!
          hasPreviousPage: Boolean!
        }

        type WebhookSettingEdge {
          cursor: ID!
          node: WebhookSetting!
        }

        type WebhookSettingConnection {
          totalCount: Int!
          pageInfo: PageInfo!
          edges: [WebhookSettingEdge!]!
        }

        type WebhookFailure {
          "The event's ledger position."
          position: ID!
          webhookId: String!
          formId: ID!
          attempts: Int!
          lastStatus: Int
          lastError: String
          failedAt: DateTime!
        }

        type WebhookFailureEdge {
          cursor: ID!
          node: WebhookFailure!
        }

        type WebhookFailureConnection {
          totalCount: Int!
          pageInfo: PageInfo!
          edges: [WebhookFailureEdge!]!
        }

        type WebhookResendResult {
          delivered: Int!
          failed: Int!
        }

        input WebhookSettingCreateInput {
          companyId: ID!
          endpointUri: String!
          "The bearer token your endpoint expects (20 to 100 characters); never shown again."
          token: String!
          activated: Boolean!
          payload: WebhookPayload
        }

        input WebhookSettingUpdateInput {
          endpointUri: String
          token: String
          activated: Boolean
          payload: WebhookPayload
        }
        """
}
