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

    /// The locale numbers and dates are written with.
    ///
    /// English follows British usage (29 June 2020, 1,234), as UN documents do. Arabic uses `ar-SY`: since
    /// CLDR 46 plain `ar` gives Latin digits, while `ar-SY` gives Arabic-Indic digits and the Levantine
    /// month names (حزيران) that readers in Syria expect.
    public func locale(digits: Digits = .native) -> Locale {
        switch (self, digits) {
        case (.en, _): Locale(identifier: "en-GB")
        case (.ru, _): Locale(identifier: "ru")
        case (.ar, .native): Locale(identifier: "ar-SY")
        case (.ar, .latin): Locale(identifier: "ar-SY@numbers=latn")
        }
    }
}
