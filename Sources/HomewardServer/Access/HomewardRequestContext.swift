import HomewardCore
import HomewardStore
import Hummingbird
import NIOCore

/// What a request context must say for Homeward's routes: who is calling, for every write to name.
public protocol CallerRequestContext: RequestContext {
    var caller: Caller { get }
    /// The data version read before the route runs, if it was read already (``FreshnessMiddleware`` reads it otherwise).
    var dataVersion: DataVersion? { get }
    /// The route the request is for, if found already (``AuthenticationMiddleware`` finds it once for the middlewares after it).
    var route: APIRoute? { get }
}

extension CallerRequestContext {
    public var dataVersion: DataVersion? { nil }
    public var route: APIRoute? { nil }
}

/// The request context of Homeward's server: the caller a request proves (a token or a page session),
/// and the address it came from.
public struct HomewardRequestContext: CallerRequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// Set by ``AuthenticationMiddleware``; anonymous until then.
    public var proven: Caller?
    /// The signed-in page session, for its CSRF token.
    public var session: PageSession?
    /// The version a bearer token was proven at (``AuthenticationMiddleware``), which the answer's tag reuses.
    public var dataVersion: DataVersion?
    /// The route the request is for, found once by ``AuthenticationMiddleware`` for the middlewares after it.
    public internal(set) var route: APIRoute?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's address (``ClientAddress``), set by ``AuthenticationMiddleware``; the socket's until then.
    public var clientAddress: String?

    public var caller: Caller { proven ?? .anonymous(address: clientAddress ?? remoteAddress?.ipAddress) }
}
