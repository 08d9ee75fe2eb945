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
