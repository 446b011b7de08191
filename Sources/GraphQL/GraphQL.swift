/// The GraphQL module; its first types land with its issue.
