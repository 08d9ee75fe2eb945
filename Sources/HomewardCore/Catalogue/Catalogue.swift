import Foundation

/// Every label Homeward shows people, in one language, with the number and date formats of that language.
///
/// Views and statements ask for a key and typed arguments and never hold words themselves, so adding a
/// language is adding a file, and one test holds every language to the same keys and arguments.
public struct Catalogue: Sendable {
    public let language: Language
    public let entries: [String: CatalogueEntry]
    public let numbers: NumberFormat
    public let days: DayFormat

    public init(language: Language, entries: [String: CatalogueEntry], digits: Digits = .native) {
        self.language = language
        self.entries = entries
        numbers = NumberFormat(language, digits: digits)
        days = DayFormat(language, digits: digits)
    }

    /// A catalogue read from a JSON object of keys and ``CatalogueEntry`` values.
    public init(language: Language, json: Data, digits: Digits = .native) throws {
        self.init(language: language, entries: try JSONDecoder().decode([String: CatalogueEntry].self, from: json), digits: digits)
    }

    /// The message in this language, its arguments written as the language writes them.
    ///
    /// - Important: a key the catalogue lacks comes back as the key itself, and a placeholder without an
    ///   argument as `{name}`, so a gap shows on the page instead of stopping it; the catalogue tests and
    ///   the view snapshots are where gaps are caught.
    public func phrase(_ message: Message) -> Phrase {
        guard let entry = entries[message.key] else { return Phrase([.text(message.key)]) }
        let text = entry.text(for: message.arguments, in: language)
        var pieces: [Phrase.Segment] = []
        for piece in CatalogueEntry.split(text) {
            switch piece {
            case .literal(var text):
                // A sentence that ends on a date ending in a full stop ("8 декабря 2026 г.") takes no second one.
                if case .argument(_, let written, _)? = pieces.last, written.hasSuffix("."), text.hasPrefix(".") { text = text.dropFirst() }
                // The entry's own numbers ("١٢ حرفاً على الأقل") in the digits asked, as its arguments are.
                pieces.append(.text(numbers.digits == .latin ? String(text).withLatinDigits : String(text)))
            case .placeholder(let name):
                guard let argument = message.arguments[name] else { pieces.append(.text("{\(name)}")); continue }
                pieces.append(.argument(name: name, text: string(argument), leftToRight: argument.runsLeftToRight))
            }
        }
        return Phrase(pieces)
    }

    public func phrase(_ key: String, _ arguments: [String: MessageArgument] = [:]) -> Phrase {
        phrase(Message(key, arguments))
    }

    /// The message as plain text.
    public func text(_ key: String, _ arguments: [String: MessageArgument] = [:]) -> String {
        phrase(Message(key, arguments)).text
    }

    public func text(_ message: Message) -> String {
        phrase(message).text
    }

    /// Names joined as this language lists them ("a, b" or "أ، ب"), as one argument.
    public func list(_ items: [String]) -> MessageArgument {
        .text(items.joined(separator: text("list.separator")))
    }

    /// One argument as this language writes it.
    public func string(_ argument: MessageArgument) -> String {
        switch argument {
        case .count(let n): numbers.string(n)
        case .serial(let n): numbers.serial(n)
        case .change(let n): numbers.change(n)
        case .percent(let hundredths): numbers.percent(hundredths: hundredths)
        case .day(let day): days.string(day)
        case .code(let code), .text(let code), .hidden(let code, _): code
        case .level(let level): text("level.adm\(level.rawValue).noun")
        }
    }
}
