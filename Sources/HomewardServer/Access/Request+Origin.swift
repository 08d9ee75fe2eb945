import Foundation
import HTTPTypes
import Hummingbird

extension Request {
    /// Whether the client reached the server over TLS, here or at a proxy in front of it, which says so in any of the
    /// three headers proxies use (`X-Forwarded-Proto: https`, RFC 7239's `Forwarded: proto=https`, `X-Forwarded-Ssl: on`),
    /// the hop nearest the client first where a chain of proxies lists several: a session cookie then goes out `Secure`.
    /// Believing the header of anyone costs nothing: it only makes the cookie stricter.
    var cameOverTLS: Bool {
        if uri.scheme == .https { return true }
        if firstHop(of: "X-Forwarded-Proto") == "https" || firstHop(of: "X-Forwarded-Ssl") == "on" { return true }
        return forwarded("proto") == "https"
    }

    /// Whether a browser says the request was sent by another site's page: its `Sec-Fetch-Site`, which every current
    /// browser sends, or where it is missing (an older browser), an `Origin` that is not this server's as the client
    /// reached it (`Host`, or the host a proxy that rewrites `Host` names in `X-Forwarded-Host` or `Forwarded: host=`).
    /// A request that says neither (a script) is no cross-site form.
    var isFromAnotherSite: Bool {
        if let site = headers[HTTPField.Name("Sec-Fetch-Site")!] { return !["same-origin", "none"].contains(site) }
        guard let origin = headers[.origin] else { return false }
        guard let parts = URLComponents(string: origin), let host = parts.host?.lowercased() else { return true } // "null": a sandboxed or local page
        let defaultPort = parts.scheme == "https" ? 443 : 80
        let port = parts.port ?? defaultPort
        // A proxy that names the host without its port (nginx's `$host`) may give the port apart.
        let forwardedPort = firstHop(of: "X-Forwarded-Port").map { ":" + $0 } ?? ""
        let named = [firstHop(of: "X-Forwarded-Host"), forwarded("host")].compactMap { $0 }
        let ours = [head.authority?.lowercased()].compactMap { $0 } + named + named.filter { !$0.contains(":") }.map { $0 + forwardedPort }
        return !ours.contains { authority in
            // `host`, `host:port`, `[::1]:port`: the port written out or not.
            guard let named = URLComponents(string: "\(parts.scheme ?? "http")://\(authority)"), let namedHost = named.host?.lowercased() else { return false }
            return namedHost == host && (named.port ?? defaultPort) == port
        }
    }

    /// A header's first comma-separated value, trimmed and in lower case: the hop nearest the client.
    private func firstHop(of name: String) -> String? {
        headers[HTTPField.Name(name)!]?.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// A parameter of RFC 7239's `Forwarded`, unquoted and in lower case (`proto="https"`): from the element nearest the
    /// client that gives it (an outer proxy may give only `for=` and `proto=`, the inner one `host=`).
    private func forwarded(_ parameter: String) -> String? {
        guard let elements = headers[HTTPField.Name("Forwarded")!]?.split(separator: ",") else { return nil }
        for element in elements {
            for pair in element.split(separator: ";") {
                let sides = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard sides.count == 2, sides[0].lowercased() == parameter else { continue }
                return sides[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
            }
        }
        return nil
    }
}
