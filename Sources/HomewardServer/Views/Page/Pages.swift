import Foundation
import HomewardCore
import Mustache

/// The server's page templates and its catalogues, read once when the application is built.
///
/// Templates escape every `{{value}}` for HTML by default, so no view writes markup around data itself.
struct Pages: Sendable {
    let library: MustacheLibrary
    let catalogues: [Language: Catalogue]
    /// The same catalogues writing 0–9 whatever the language, for a page asked `digits=latin`.
    let latinCatalogues: [Language: Catalogue]

    /// The digits of the page being written: its language's own unless its address asks `digits=latin` (an Arabic page
    /// in 0–9, as the statements are offered over the API and the command line); set by ``PageDigitsMiddleware``.
    @TaskLocal static var digits: Digits = .native

    /// The templates (`Resources/templates/*.mustache`, each known by its file name) and the catalogues
    /// that ship with Homeward.
    ///
    /// One trailing line break of each file is dropped, so that a partial used inside a line (`phrase`)
    /// adds none.
    static func bundled() throws -> Pages {
        guard let folder = Bundle.module.url(forResource: "templates", withExtension: nil) else { throw PagesError.noTemplates }
        let urls = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "mustache" }
        guard !urls.isEmpty else { throw PagesError.noTemplates }
        var library = MustacheLibrary()
        for url in urls {
            var text = try String(contentsOf: url, encoding: .utf8)
            if text.hasSuffix("\n") { text.removeLast() }
            do {
                try library.register(text, named: url.deletingPathExtension().lastPathComponent)
            } catch {
                throw PagesError.template(url.lastPathComponent, error)
            }
        }
        var catalogues: [Language: Catalogue] = [:]
        for language in Language.allCases { catalogues[language] = try Catalogue.bundled(language) }
        return Pages(library: library, catalogues: catalogues,
                     latinCatalogues: catalogues.mapValues { Catalogue(language: $0.language, entries: $0.entries, digits: .latin) })
    }

    func catalogue(_ language: Language) -> Catalogue {
        guard let catalogue = (Self.digits == .latin ? latinCatalogues : catalogues)[language] else {
            preconditionFailure("no catalogue for \(language.rawValue)")
        }
        return catalogue
    }

    /// `context` rendered with the template of that name.
    ///
    /// - Important: a template name that does not exist is a programming error; the view tests render every page.
    func render(_ context: Any, template: String) -> String {
        guard let html = library.render(context, withTemplate: template) else { preconditionFailure("no template \(template).mustache") }
        return html
    }
}

/// Page templates that could not be read.
enum PagesError: Error, CustomStringConvertible {
    case noTemplates
    case template(String, any Error)

    var description: String {
        switch self {
        case .noTemplates: "no .mustache files among the server's resources (templates/)"
        case .template(let file, let error): "templates/\(file): \(error)"
        }
    }
}
