import Foundation

extension Catalogue {
    /// A deployment's own words: a folder (`HOMEWARD_CATALOGUE`) of `en.json`, `ru.json` and `ar.json`, each holding only
    /// the entries it changes, laid over the shipped catalogue.
    ///
    /// The shipped words are Syria's, the first deployment's: its first administrative level is a governorate
    /// (мухафаза, محافظة). Another country's centre says province, oblast or wilaya, in every language and with the
    /// plural forms each takes, by giving `level.adm1.name`, `level.adm1.count`… in its own files. Read once when a
    /// program starts.
    public static let overlayFolder: URL? = ProcessInfo.processInfo.environment["HOMEWARD_CATALOGUE"]
        .flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }

    /// The shipped catalogue of `language` with the overlay's entries for it, if the folder has a file for it.
    /// - Throws: ``CatalogueError/overlay(file:reason:)`` for a file that is not a catalogue, an entry Homeward has no key
    ///   for (a misspelt key would change nothing), or a placeholder the shipped entry does not fill.
    static func overlaid(_ shipped: Data, language: Language, folder: URL) throws -> Data {
        let url = folder.appendingPathComponent("\(language.rawValue).json")
        guard FileManager.default.fileExists(atPath: url.path) else { return shipped }
        let file = url.path
        let own: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
                throw CatalogueError.overlay(file: file, reason: "not a JSON object of entries")
            }
            own = object
        } catch let error as CatalogueError {
            throw error
        } catch {
            throw CatalogueError.overlay(file: file, reason: "not JSON that can be read (\(error.localizedDescription))")
        }
        guard var merged = try JSONSerialization.jsonObject(with: shipped) as? [String: Any] else { return shipped }
        for (key, value) in own.sorted(by: { $0.key < $1.key }) {
            guard let original = merged[key] else {
                throw CatalogueError.overlay(file: file, reason: "\(key) is no entry of Homeward's catalogue; keys are those of its own files")
            }
            // The locale's language is the file's: `ar-YE` for Arabic, never `en-US`.
            if key == "locale", !((value as? String).map { $0 == language.rawValue || $0.hasPrefix(language.rawValue + "-") } ?? false) {
                throw CatalogueError.overlay(file: file, reason: "locale is a locale of \(language.rawValue), such as \(language.rawValue)-XX")
            }
            if let missing = missingForms(value, shipped: original) {
                throw CatalogueError.overlay(file: file, reason: "\(key) \(missing)")
            }
            let given = placeholders(value), filled = placeholders(original)
            if let unknown = given.subtracting(filled).sorted().first {
                throw CatalogueError.overlay(file: file, reason: "\(key) uses {\(unknown)}, which the entry is not given; it is given \(filled.sorted().map { "{\($0)}" }.joined(separator: ", "))")
            }
            merged[key] = value
        }
        let data = try JSONSerialization.data(withJSONObject: merged)
        do {
            _ = try JSONDecoder().decode([String: CatalogueEntry].self, from: data)
        } catch {
            throw CatalogueError.overlay(file: file, reason: "an entry is not of a catalogue's shape: a text, or plural or select forms (\(error))")
        }
        return data
    }

    /// The folder itself: there, and holding only the languages' files (a misnamed `RU.json` would change nothing).
    public static func checkOverlayFolder(_ folder: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CatalogueError.overlay(file: folder.path, reason: "no such folder")
        }
        let known = Set(Language.allCases.map { "\($0.rawValue).json" })
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        if let other = names.sorted().first(where: { !known.contains($0) }) {
            throw CatalogueError.overlay(file: folder.appendingPathComponent(other).path,
                                         reason: "not a catalogue file: the files are \(known.sorted().joined(separator: ", "))")
        }
    }

    /// What an entry lacks that the shipped one has: the same kind (text, plural or select), every plural category the
    /// language's entry gives (Russian's few and many), every select case or an `other`; `nil` when it lacks nothing.
    private static func missingForms(_ value: Any, shipped: Any) -> String? {
        switch (shipped, value) {
        case (is String, is String): return nil
        case (let shipped as [String: Any], let value as [String: Any]):
            for kind in ["plural", "select"] where shipped[kind] != nil {
                guard let variable = value[kind] as? String, variable == shipped[kind] as? String else {
                    return "is \(kind == "plural" ? "plural forms" : "variants") by {\(shipped[kind] as? String ?? "")}, as Homeward's entry is"
                }
                let forms = Set(shipped.keys).subtracting([kind, "parts"]), given = Set(value.keys).subtracting([kind, "parts"])
                let lacking = kind == "select" && given.contains("other") ? [] : forms.subtracting(given)
                if let form = lacking.sorted().first { return "lacks the form \(form), which Homeward's entry gives" }
                for form in given.intersection(forms) {
                    if let missing = missingForms(value[form] as Any, shipped: shipped[form] as Any) { return missing }
                }
            }
            if shipped["text"] != nil, value["text"] == nil { return "lacks its text, as Homeward's entry has one" }
            return nil
        default:
            return shipped is String ? "is a text, as Homeward's entry is" : "is plural forms or variants, as Homeward's entry is"
        }
    }

    /// The placeholder names an entry's texts use, at any depth of its forms.
    private static func placeholders(_ value: Any) -> Set<String> {
        switch value {
        case let text as String:
            Set(CatalogueEntry.split(text).compactMap { if case .placeholder(let name) = $0 { name } else { nil } })
        case let forms as [String: Any]:
            // A plural's or select's own variable is filled too, though no form need write it.
            forms.values.reduce(into: Set(["plural", "select"].compactMap { forms[$0] as? String })) { $0.formUnion(placeholders($1)) }
        default:
            []
        }
    }
}
