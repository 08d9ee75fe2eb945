import HomewardCore
import NIOConcurrencyHelpers

/// Bearer tokens proven lately, by their SHA-256 digest, so that a partner's script asking a thousand times a
/// second reads `api_tokens` once per change of the data rather than once per request.
///
/// A proof holds only while the database's ``DataVersion`` is the one it was made at: revoking a token,
/// disabling an account or changing a role is a committed write, which moves the version on (in any process),
/// so the very next request proves its token again. Expiry is compared on every use, and a proof older than a
/// minute is made again, so that the token's last use is still noted to the minute.
final class TokenProofs: Sendable {
    private struct Proof {
        let caller: Caller
        let expires: String
        let version: DataVersion
        let provenAt: String
    }

    private let proofs = NIOLockedValueBox<[String: Proof]>([:])
    /// Distinct tokens kept; more empties the cache (each holds a hundred bytes or so).
    static let limit = 10_000

    /// The caller a token proved at `version`, if its proof still holds at `now` (timestamps as the store writes them).
    func caller(digest: String, at version: DataVersion, now: String, freshAfter: String) -> Caller? {
        proofs.withLockedValue { proofs in
            guard let proof = proofs[digest], proof.version == version, proof.expires > now, proof.provenAt > freshAfter else { return nil }
            return proof.caller
        }
    }

    private let refusals = NIOLockedValueBox<[String: String]>([:])

    /// Whether a refusal of the token at `now` is to be audited: the first in a minute (timestamps as the store writes
    /// them), so that a script left polling with a revoked token leaves a trace without filling the audit.
    func auditsRefusal(digest: String, now: String, quietAfter: String) -> Bool {
        refusals.withLockedValue { refusals in
            if let last = refusals[digest], last > quietAfter { return false }
            if refusals.count >= Self.limit { refusals.removeAll(keepingCapacity: true) }
            refusals[digest] = now
            return true
        }
    }

    func keep(_ caller: Caller, digest: String, expires: String, version: DataVersion, provenAt: String) {
        proofs.withLockedValue { proofs in
            if proofs.count >= Self.limit { proofs.removeAll(keepingCapacity: true) }
            proofs[digest] = Proof(caller: caller, expires: expires, version: version, provenAt: provenAt)
        }
    }
}
