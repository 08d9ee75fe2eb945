import Foundation

extension Catalogue {
    /// The catalogue of `language` that ships with Homeward (`Resources/catalogue/<code>.json`), with the deployment's
    /// own words laid over it (``overlayFolder``).
    ///
    /// Read once when a program starts: callers keep the value rather than reading the file per request.
    public static func bundled(_ language: Language, digits: Digits = .native) throws -> Catalogue {
        var json = try bundledJSON(language)
        if let folder = overlayFolder { json = try overlaid(json, language: language, folder: folder) }
        return try Catalogue(language: language, json: json, digits: digits)
    }

    /// The English catalogue, read once: the language of problems and summaries unless a reader asks for another.
    ///
    /// - Important: without the shipped file (Core compiled alone, as the fuzzer does) it is empty, and
    ///   messages come out as their keys.
    public static let english: Catalogue = (try? bundled(.en)) ?? Catalogue(language: .en, entries: [:])

    /// The catalogue of every language as ``bundled(_:digits:)`` reads it (the deployment's own words laid over the
    /// shipped ones), read once, for code that labels data (the names of categories in totals) rather than pages,
    /// which hold their own.
    public static let shipped: [Language: Catalogue] = Dictionary(uniqueKeysWithValues: Language.allCases.map {
        ($0, (try? bundled($0)) ?? Catalogue(language: $0, entries: [:]))
    })

    /// The shipped catalogue file of `language`, as it is, for checks of the files themselves.
    public static func bundledJSON(_ language: Language) throws -> Data {
        // Resources exist only in a SwiftPM build; the fuzzer compiles Core's sources with swiftc alone.
        #if SWIFT_PACKAGE
        guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "catalogue") else {
            throw CatalogueError.missingFile(language)
        }
        return try Data(contentsOf: url)
        #else
        throw CatalogueError.missingFile(language)
        #endif
    }
}

/// A catalogue that could not be read.
public enum CatalogueError: Error, CustomStringConvertible {
    case missingFile(Language)
    /// A deployment's file of its own words (``Catalogue/overlayFolder``) that cannot be laid over the shipped one.
    case overlay(file: String, reason: String)

    public var description: String {
        switch self {
        case .missingFile(let language): "no catalogue file catalogue/\(language.rawValue).json among Homeward's resources"
        case .overlay(let file, let reason): "\(file) (HOMEWARD_CATALOGUE): \(reason)"
        }
    }
}
