/// Where the request being served came from, for the audit: the server sets it around each request, and
/// the store reads it when it writes, without every call passing it along.
public enum RequestOrigin {
    @TaskLocal public static var address: String?
}
