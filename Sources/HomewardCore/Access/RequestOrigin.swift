/// Where the request being served came from, for the audit: the server sets it around each request, and
/// the store reads it when it writes, without every call passing it along.
public enum RequestOrigin {
    @TaskLocal public static var address: String?
    /// Whether the command line makes the change: its `--as` names a person who did nothing themselves, where a server's
    /// session or token is that person's own request.
    @TaskLocal public static var isCommandLine = false
}
