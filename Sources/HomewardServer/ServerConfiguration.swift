import Logging

/// How `homeward serve` runs: where it listens, how much it accepts, and what it says in its logs.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The largest request body accepted (a CSV import or a JSON batch); larger ones get 413.
    public var maxBodyBytes: Int
    /// Shows a banner on every page: the data are generated, not real.
    public var demo: Bool
    /// What the public sees of small counts: from 1 to this minus one shows as "<k".
    public var minPublicCount: Int
    public var logger: Logger

    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 64 << 20, demo: Bool = false, minPublicCount: Int = 5,
                logger: Logger = Logger(label: "homeward.server")) {
        self.minPublicCount = max(2, minPublicCount)
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.demo = demo
        self.logger = logger
    }
}
