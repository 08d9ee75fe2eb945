import Foundation

/// A language Homeward's pages and statements are written in.
///
/// The raw value is the code people and URLs use (`?lang=ar`), and the `lang` attribute of a page.
public enum Language: String, CaseIterable, Sendable, Codable {
    case en, ru, ar

    /// Which way its text runs, for the `dir` attribute: Arabic pages are laid out right to left.
    public var direction: TextDirection {
        switch self {
        case .en, .ru: .ltr
        case .ar: .rtl
        }
    }

    /// The locale numbers and dates are written with: the catalogue's `locale` entry, which a deployment may word its
    /// own way (``Catalogue/overlayFolder``).
    ///
    /// English follows British usage (29 June 2020, 1,234), as UN documents do. Arabic ships as `ar-SY`: since
    /// CLDR 46 plain `ar` gives Latin digits, while `ar-SY` gives Arabic-Indic digits and the Levantine
    /// month names (حزيران) that readers in Syria expect; a centre in Yemen says `ar-YE` (يونيو).
    public func locale(digits: Digits = .native) -> Locale {
        let identifier = Self.localeIdentifiers[self] ?? defaultLocaleIdentifier
        return Locale(identifier: self == .ar && digits == .latin ? identifier + "@numbers=latn" : identifier)
    }

    private var defaultLocaleIdentifier: String {
        switch self {
        case .en: "en-GB"
        case .ru: "ru"
        case .ar: "ar-SY"
        }
    }

    /// Read once from the catalogue files, without building a catalogue (whose number formats ask for the locale).
    private static let localeIdentifiers: [Language: String] = Dictionary(uniqueKeysWithValues: allCases.compactMap { language in
        guard var json = try? Catalogue.bundledJSON(language) else { return nil }
        if let folder = Catalogue.overlayFolder, let own = try? Catalogue.overlaid(json, language: language, folder: folder) { json = own }
        guard let entries = try? JSONSerialization.jsonObject(with: json) as? [String: Any], let identifier = entries["locale"] as? String else { return nil }
        return (language, identifier)
    })
}
