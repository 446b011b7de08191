/// The Domain module; its first types land with its issue.
