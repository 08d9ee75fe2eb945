import HomewardCore
import Hummingbird
import NIOCore

/// What a request context must say for Homeward's routes: who is calling, for every write to name.
public protocol CallerRequestContext: RequestContext {
    var caller: Caller { get }
}

/// The request context of Homeward's server: the caller, and the address the request came from.
///
/// Until sign-in exists every request is anonymous, known by its address; access control replaces
/// `caller` with the person or token a request proves.
public struct HomewardRequestContext: CallerRequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    public var caller: Caller { .anonymous(address: remoteAddress?.ipAddress) }
}
