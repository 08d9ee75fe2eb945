import Foundation
import HTTPTypes
import Hummingbird

extension Request {
    /// Whether the client reached the server over TLS, here or at a proxy in front of it, which says so in any of the
    /// three headers proxies use (`X-Forwarded-Proto: https`, RFC 7239's `Forwarded: proto=https`, `X-Forwarded-Ssl: on`):
    /// a session cookie then goes out `Secure`. Believing the header of anyone costs nothing: it only makes the cookie
    /// stricter.
    var cameOverTLS: Bool {
        if uri.scheme == .https { return true }
        if headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https" { return true }
        if headers[HTTPField.Name("X-Forwarded-Ssl")!]?.lowercased() == "on" { return true }
        // `Forwarded: for=1.2.3.4;proto=https, for=…`: the first element is the hop nearest the client.
        guard let forwarded = headers[HTTPField.Name("Forwarded")!]?.lowercased().split(separator: ",").first else { return false }
        return forwarded.split(separator: ";").contains { $0.trimmingCharacters(in: .whitespaces) == "proto=https" }
    }

    /// Whether a browser says the request was sent by another site's page: its `Sec-Fetch-Site`, which every current
    /// browser sends, or where it is missing (an older browser), an `Origin` that is not this server's as the client
    /// reached it (`Host`, or `X-Forwarded-Host` from a proxy that rewrites `Host`). A request that says neither (a
    /// script) is no cross-site form.
    var isFromAnotherSite: Bool {
        if let site = headers[HTTPField.Name("Sec-Fetch-Site")!] { return !["same-origin", "none"].contains(site) }
        guard let origin = headers[.origin] else { return false }
        guard let host = URLComponents(string: origin)?.host else { return true } // "null": a sandboxed or local page
        let port = URLComponents(string: origin)?.port.map { ":\($0)" } ?? ""
        let ours = [head.authority, headers[HTTPField.Name("X-Forwarded-Host")!]].compactMap { $0?.lowercased() }
        return !ours.contains(host.lowercased() + port) && !ours.contains(host.lowercased())
    }
}
