import ArgumentParser
import Foundation
import HomewardCore
import HomewardStore

struct GazetteerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Administrative areas, countries and crossing points: the reference data.",
        subcommands: [Load.self]
    )

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a country's gazetteer from a folder of CSV files.",
            discussion: """
                Each .csv file is recognised by its columns, as the bundled files have them: \
                adm1_pcode,adm1_name_en,adm1_name_ar (and adm2 … adm4 with the parent's P-code); \
                crossing_code,name_en,name_ar,country_iso3,counterpart_name,admin_pcode,note; \
                iso3,iso2,name_en,name_ru,name_ar for countries (other_names, separated by |, and name_pattern, a \
                regular expression, for the names files give them: Turkey, Iran); code,kind,name_en,name_ru (or name_ar) \
                for names of places in more languages, kind being adm1 … adm4, crossing or country. \
                Areas and crossings are added or updated, and names given, in one transaction; nothing is \
                written when a file, row or column is wrong.

                Another country's deployment starts from the bundled gazetteer and replaces it: \
                homeward gazetteer load FOLDER --replace --country XKA. Stored areas and crossing points that the \
                folder does not list are then removed, unless recorded figures name them.
                """
        )
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var who: CallerOptions
        @Argument(help: "The folder of CSV files.") var directory: String
        @Option(help: "The ISO3 code of the country people return to (else the folder's home_country.txt).")
        var country: String?
        @Flag(help: "The folder becomes the whole gazetteer: stored areas and crossing points it does not list are removed.")
        var replace = false

        func run() async throws {
            let counts: ReferenceCounts
            do {
                let folder = try ReferenceDirectory(url: URL(fileURLWithPath: directory, isDirectory: true))
                if let country, let written = folder.homeCountry, written.uppercased() != country.uppercased() {
                    FileHandle.standardError.write(Data("warning: the folder's home_country.txt says \(written); --country \(country.uppercased()) is taken\n".utf8))
                }
                counts = try await db.withStores {
                    try await $0.places.loadReference([folder], homeCountry: country?.uppercased(), replacing: replace, by: who.caller)
                }
            } catch let error as ImportError {
                // A problem of the folder as a whole names the folder, not "file".
                throw CommandFailure(error.problems.map { $0.description(in: .english, file: directory) }.joined(separator: "\n"))
            }
            func counted(_ n: Int, _ one: String, _ other: String) -> String { "\(n.grouped) \(n == 1 ? one : other)" }
            print("loaded \(counted(counts.areas, "area", "areas")), \(counted(counts.countries, "country", "countries")), "
                  + "\(counted(counts.crossings, "crossing point", "crossing points")), "
                  + "\(counted(counts.names, "name", "names")) in other languages")
            if replace {
                print("removed \(counted(counts.removedAreas, "area", "areas")) and \(counted(counts.removedCrossings, "crossing point", "crossing points"))"
                      + " the folder does not list")
            }
            if let home = counts.homeCountry {
                print("home country: \(home)" + (counts.homeCountryGiven ? "" : " (kept: give --country, or home_country.txt in the folder, to change it)"))
            }
            // The words that ship name Syria's levels (governorate, مُحافظة, мухафаза) and its Arabic months: another country's
            // deployment reads them until its own are given, so it is told where, once, when its gazetteer comes in.
            if let home = counts.homeCountry, home != "SYR", ProcessInfo.processInfo.environment["HOMEWARD_CATALOGUE"] == nil {
                FileHandle.standardError.write(Data(("note: the words that ship name Syria's levels (governorate, district, sub-district, community) "
                    + "and use Levantine Arabic month names; a folder named by HOMEWARD_CATALOGUE gives \(home)'s own (README, the "
                    + "level.adm1.name … entries)\n").utf8))
            }
        }
    }
}
