/// Whose words a message uses for options and commands: the command line's (`--org`, `homeward crossings
/// list`) or the API's (the `org` parameter, `GET /api/v1/crossings`).
///
/// Rules do not know who calls them, so the caller says. A message that names an option takes the
/// vocabulary as its argument `via`, and its catalogue entry has a variant for each (`"select": "via"`).
public enum Vocabulary: String, Sendable, CaseIterable {
    case commandLine = "cli"
    case api

    /// The `via` argument of a message.
    public var argument: MessageArgument { .code(rawValue) }
}
