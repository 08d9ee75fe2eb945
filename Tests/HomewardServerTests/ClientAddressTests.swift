@testable import HomewardServer
import Testing

/// Behind a TLS proxy every request comes from the proxy: the client is named by its `X-Forwarded-For`, believed only
/// from a proxy the server was told to trust, so that nobody else escapes the sign-in throttle by writing the header.
@Suite struct ClientAddressTests {
    @Test func theClientIsTheNearestForwardedAddressOnlyBehindATrustedProxy() {
        let proxies: Set<String> = ["10.0.0.2", "10.0.0.3"]
        // A trusted proxy's header names the client; proxies of its own chain are passed over; a client's own claim before them is not believed.
        #expect(ClientAddress.resolve(socket: "10.0.0.2", forwardedFor: ["198.51.100.7"], trusted: proxies) == "198.51.100.7")
        #expect(ClientAddress.resolve(socket: "10.0.0.2", forwardedFor: ["203.0.113.9, 198.51.100.7, 10.0.0.3"], trusted: proxies) == "198.51.100.7")
        #expect(ClientAddress.resolve(socket: "10.0.0.2", forwardedFor: ["203.0.113.9", "198.51.100.7"], trusted: proxies) == "198.51.100.7")
        // Anyone else's header is not believed; a trusted proxy without one is the client itself.
        #expect(ClientAddress.resolve(socket: "192.0.2.1", forwardedFor: ["198.51.100.7"], trusted: proxies) == "192.0.2.1")
        #expect(ClientAddress.resolve(socket: "10.0.0.2", forwardedFor: [], trusted: proxies) == "10.0.0.2")
        #expect(ClientAddress.resolve(socket: nil, forwardedFor: ["198.51.100.7"], trusted: proxies) == nil)
    }
}
