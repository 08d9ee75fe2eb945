/// The address a request came from, for the audit and the sign-in throttle: the socket's, or, where the socket is a
/// proxy the server was told to trust (`serve --trusted-proxy`), the nearest address in `X-Forwarded-For` that is not
/// one. Behind a TLS proxy every request would otherwise come from the proxy, and five wrong passwords from anyone
/// would lock a login for everyone.
///
/// Only a named proxy's header is believed: any other client could write any address there, and so escape the throttle.
enum ClientAddress {
    static func resolve(socket: String?, forwardedFor: [String], trusted: Set<String>) -> String? {
        guard let socket, trusted.contains(socket) else { return socket }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return hops.last { !trusted.contains($0) } ?? socket
    }
}
