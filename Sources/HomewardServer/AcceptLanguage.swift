import Foundation
import HomewardCore
import Hummingbird

/// The language a client asks for in `Accept-Language` (RFC 9110, section 12.5.4), among Homeward's.
///
/// Only the primary subtag counts (`ru-RU` asks for Russian), the highest quality wins and then the
/// earlier range; a header that names none of Homeward's languages, or none at all, gets English.
/// A malformed header is no error: the answer is still useful in English.
enum AcceptLanguage {
    static func preferred(_ header: String?) -> Language {
        var best: (language: Language, quality: Double)?
        for range in (header ?? "").split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let tag = parts.first, let primary = tag.split(separator: "-").first,
                  let language = Language(rawValue: String(primary)) else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)).flatMap { (0...1).contains($0) ? $0 : nil } ?? 0
            }
            if quality > 0 && quality > (best?.quality ?? 0) { best = (language, quality) }
        }
        return best?.language ?? .en
    }
}

extension Request {
    /// The language the request asks for in `Accept-Language`; English by default.
    var language: Language {
        AcceptLanguage.preferred(headers[values: .acceptLanguage].joined(separator: ","))
    }
}

extension [Language: Catalogue] {
    /// The catalogue of the language the request asks for.
    func catalogue(for request: Request) -> Catalogue {
        self[request.language] ?? .english
    }
}
