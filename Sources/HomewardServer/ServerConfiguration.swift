import Logging

/// How `homeward serve` runs: where it listens, how much it accepts, and what it says in its logs.
public struct ServerConfiguration: Sendable {
    /// A setting the server cannot run with, named as the caller gave it.
    public struct InvalidSetting: Error, Equatable, CustomStringConvertible {
        public var setting: String
        public var value: String
        public var reason: String

        public var description: String { "\(setting) \(value): \(reason)" }
    }

    public var host: String
    public var port: Int
    /// The largest request body accepted (a CSV import or a JSON batch); larger ones get 413.
    public var maxBodyBytes: Int
    /// Shows a banner on every page: the data are generated, not real.
    public var demo: Bool
    /// What the public sees of small counts: from 1 to this minus one shows as "<k".
    public let minPublicCount: Int
    /// The multiple that the open totals (`/api/v1/public/totals`, which answer any window) round each count to,
    /// so that two answers set side by side do not give a hidden count away by subtraction; 1 leaves them exact.
    /// 5 unless given, and never more than twice `minPublicCount`, beyond which the smallest count shown would read 0.
    public let publicRounding: Int
    /// Proxies (by address) whose `X-Forwarded-For` names the client, for the audit and the sign-in throttle.
    public var trustedProxies: Set<String>
    public var logger: Logger

    /// - Throws: ``InvalidSetting`` for a `minPublicCount` below 2, which would hide nothing from the public; raised
    ///   silently to 2, a caller would publish counts it meant to hide.
    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 64 << 20, demo: Bool = false, minPublicCount: Int = 5,
                publicRounding: Int? = nil, trustedProxies: Set<String> = [], logger: Logger = Logger(label: "homeward.server")) throws {
        guard minPublicCount >= 2 else {
            throw InvalidSetting(setting: "minPublicCount", value: String(minPublicCount),
                                 reason: "counts from 1 to this minus one are hidden from the public, so it takes 2 or more")
        }
        // 5 unless told, or less where a small threshold would have its smallest count shown round to 0.
        let publicRounding = publicRounding ?? min(5, 2 * minPublicCount)
        guard (1 ... 2 * minPublicCount).contains(publicRounding) else {
            throw InvalidSetting(setting: "publicRounding", value: String(publicRounding),
                                 reason: "counts are rounded to a multiple of this, from 1 (exact) to twice the smallest count shown (\(2 * minPublicCount)), "
                                     + "beyond which that count would round to 0")
        }
        self.minPublicCount = minPublicCount
        self.publicRounding = publicRounding
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.demo = demo
        self.trustedProxies = trustedProxies
        self.logger = logger
    }
}
