import Foundation
import Testing
import HomewardCore

/// The layout and the JSON reader serve any kind of record that declares its fields, not only movements.
@Suite struct ImportFieldTests {
    /// A kind of record with two fields and one requirement, as a new part would declare one.
    enum Reading: Int, ImportField {
        case day, level, note

        init?(tag: HXLTag) {
            switch tag.hashtag {
            case "date": self = .day
            case "indicator" where tag.attributes.contains("num"): self = .level
            case "description": self = .note
            default: return nil
            }
        }

        var jsonKey: String? { ["date", "level", "note"][rawValue] }
        var isFigure: Bool { self == .level }
        static let tags = ["#date", "#indicator+num", "#description"]

        static func missing(given: (Reading) -> Bool, via vocabulary: Vocabulary) -> [Message] {
            given(.level) ? [] : [Message("readings.missing.level")]
        }
    }

    /// The tags each kind lists for its users are the ones it reads: each is read, and each field is read from one of them.
    @Test func eachKindListsTheTagsItReads() {
        func check<Field: ImportField>(_: Field.Type, reachedOtherwise: Set<Field> = []) {
            let reached = Set(Field.tags.compactMap { HXLTag($0).flatMap(Field.init(tag:)) })
            #expect(Field.tags.allSatisfy { HXLTag($0).flatMap(Field.init(tag:)) != nil }, "\(Field.self): a listed tag it does not read")
            #expect(Set(Field.allCases).subtracting(reached).subtracting(reachedOtherwise).isEmpty,
                    "\(Field.self): fields no listed tag gives: \(Set(Field.allCases).subtracting(reached))")
        }
        check(MovementField.self, reachedOtherwise: [.crossing])
        check(CensusField.self)
        check(DepartureField.self, reachedOtherwise: [.destination])
        check(FacilityField.self, reachedOtherwise: [.settlement])
        check(AidField.self, reachedOtherwise: [.locality])
        check(SourceFigureField.self)
        check(Reading.self)
    }

    @Test func aLayoutReadsTheFieldsOfAnyKind() throws {
        let layout = try ImportLayout<Reading>(firstRows: [["When", "Level", "Crossing"], ["#date", "#indicator+num", "#loc+crossing+code"]])
        let draft = layout.draft(row: ["2025-03-01", "7", "LBN-01"], number: 3)
        #expect(draft[.day] == "2025-03-01" && draft[.level] == "7")
        // A tag that another kind reads is not this kind's: its column is reported as not read.
        #expect(layout.ignoredColumns == ["Crossing"])
        // The figure is not part of the row's identity; the other cells are.
        #expect(draft.content.contains("2025-03-01") && !draft.content.contains("7"))
    }

    @Test func aLayoutNamesWhatItsKindLacks() {
        let error = #expect(throws: ImportError.self) {
            try ImportLayout<Reading>(firstRows: [["#date", "#description"]])
        }
        #expect(error?.problems.map(\.code) == ["readings.missing.level"])
    }

    @Test func jsonTakesTheKindsKeysAndNamesTheUnknownOnes() throws {
        let drafts = try JSONRecords.drafts(from: Data(#"{"readings": [{"date": "2025-03-01", "level": 7}]}"#.utf8),
                                            as: Reading.self, listKey: "readings")
        #expect(drafts.count == 1 && drafts[0][.level] == "7")
        let error = #expect(throws: ImportError.self) {
            try JSONRecords.drafts(from: Data(#"[{"date": "2025-03-01", "persons": 3}]"#.utf8), as: Reading.self, listKey: "readings")
        }
        #expect(error?.problems.first?.column == "persons")
        #expect(error?.problems.first?.reason == "unknown key; the keys are date, level, note")
        // Once, at the first record that gives it, however many records do.
        let many = #expect(throws: ImportError.self) {
            try JSONRecords.drafts(from: Data(#"[{"date": "2025-03-01", "level": 1}, {"persons": 3}, {"persons": 4, "planet": "x"}, {"persons": 5}]"#.utf8),
                                   as: Reading.self, listKey: "readings")
        }
        #expect(many?.problems.map { "\($0.row) \($0.column)" } == ["2 persons", "3 planet"])
        // Only figures may be numbers.
        #expect(throws: ImportError.self) {
            try JSONRecords.drafts(from: Data(#"[{"note": 5, "level": 1}]"#.utf8), as: Reading.self, listKey: "readings")
        }
    }

    /// Nothing stands beside the list of records: a `"dry_run": true` there would be dropped and the records written.
    @Test func aKeyBesideTheListIsRefusedByName() throws {
        let error = #expect(throws: ImportError.self) {
            try JSONRecords.drafts(from: Data(#"{"readings": [{"date": "2025-03-01", "level": 7}], "dry_run": true}"#.utf8), as: Reading.self, listKey: "readings")
        }
        #expect(error?.problems.map(\.column) == ["dry_run"] && error?.problems.first?.code == "import.json.besideList")
    }

    /// Text that is not JSON is refused saying where it stops being JSON, or that it ends too soon.
    @Test func jsonThatCannotBeReadIsPlacedByLineAndColumn() {
        let broken = #expect(throws: ImportError.self) {
            try JSONRecords.drafts(from: Data("[{\"date\": \"2025-03-01\"},\n {\"level\": tru}]".utf8), as: Reading.self, listKey: "readings")
        }
        #expect(broken?.problems.first?.reason == "the input is not JSON: it cannot be read near line 2, column 15", "\(String(describing: broken?.problems))")
        let cut = #expect(throws: ImportError.self) {
            try JSONRecords.drafts(from: Data(#"[{"date": "2025-03-01""#.utf8), as: Reading.self, listKey: "readings")
        }
        #expect(cut?.problems.first?.code == "import.json.endsEarly")
    }

    /// A record giving a key twice is refused by its place and the key: Foundation would keep one of the two values
    /// without a word, and the figure written might be the one its sender corrected.
    @Test func aKeyGivenTwiceInARecordIsRefusedByRecordAndKey() throws {
        let bodies = [#"[{"date": "2025-03-01", "level": 1}, {"date": "2025-03-02", "level": 5, "level": 7}]"#,
                      #"{"readings": [{"date": "2025-03-01", "level": 1}, {"level": 5, "date": "2025-03-02", "l\u0065vel": 7}]}"#]
        for body in bodies {
            let error = #expect(throws: ImportError.self) {
                try JSONRecords.drafts(from: Data(body.utf8), as: Reading.self, listKey: "readings")
            }
            #expect(error?.problems.map { "\($0.row) \($0.column)" } == ["2 level"], "\(body)")
            #expect(error?.problems.first?.reason.contains("given twice in one object") == true)
        }
        // Foundation reads UTF-16 too, where the byte scan would find no key: JSON is UTF-8, as RFC 8259 says.
        let utf16 = #"[{"note": "Т", "level": 5, "level": 7, "date": "2025-03-01"}]"#.data(using: .utf16LittleEndian)!
        let wide = #expect(throws: ImportError.self) { try JSONRecords.drafts(from: utf16, as: Reading.self, listKey: "readings") }
        #expect(wide?.problems.map(\.code) == ["import.json.notUTF8"])
        // A workbook sent as JSON is named as the CSV reader names it.
        let workbook = #expect(throws: ImportError.self) {
            try JSONRecords.drafts(from: Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), as: Reading.self, listKey: "readings")
        }
        #expect(workbook?.problems.map(\.code) == ["import.csv.workbook"])
        // The same key in two records, and a key's name inside a value, are no repeat.
        let drafts = try JSONRecords.drafts(from: Data(#"[{"date": "2025-03-01", "note": "level\", \"level", "level": 1}, {"date": "2025-03-02", "level": 2}]"#.utf8),
                                            as: Reading.self, listKey: "readings")
        #expect(drafts.map { $0[.level] } == ["1", "2"])
    }

    @Test func theRepeatedKeysScanFollowsNestingAndStrings() {
        let text = #"{"a": {"b": [1, {"c": 1, "c": 2, "c": 3}], "b": "{\"d\": 1, \"d\": 2}"}, "e": [[], {"f": 1}, {"f": 1, "f": 2}]}"#
        #expect(JSONRepeatedKey.all(in: Data(text.utf8)) == [
            JSONRepeatedKey(key: "c", path: [.key("a"), .key("b"), .index(1)]),
            JSONRepeatedKey(key: "b", path: [.key("a")]),
            JSONRepeatedKey(key: "f", path: [.key("e"), .index(2)]),
        ])
        #expect(JSONRepeatedKey.all(in: Data(#"[{"a": 1}, {"a": 2}, "a", {"b": {"a": 1}, "a": 3}]"#.utf8)).isEmpty)
    }

    /// JSON's `true` is no count of 1, nor `false` one of 0, though Foundation hands both over as numbers.
    @Test func aBooleanIsNoFigure() throws {
        for boolean in ["true", "false"] {
            let error = #expect(throws: ImportError.self) {
                try JSONRecords.drafts(from: Data(#"[{"date": "2025-03-01", "level": \#(boolean)}]"#.utf8), as: Reading.self, listKey: "readings")
            }
            #expect(error?.problems.map(\.column) == ["level"])
            #expect(error?.problems.first?.value == boolean, "quoted as sent, not as 1 or 0")
            #expect(error?.problems.first?.reason == "expected a number or a string")
        }
        // An object or an array is quoted as JSON writes it, not as Swift prints a dictionary.
        for (given, shown) in [(#"{"a": 1, "b": [2]}"#, #"{"a":1,"b":[2]}"#), ("[1, 2]", "[1,2]")] {
            let error = #expect(throws: ImportError.self) {
                try JSONRecords.drafts(from: Data(#"[{"date": "2025-03-01", "level": \#(given)}]"#.utf8), as: Reading.self, listKey: "readings")
            }
            #expect(error?.problems.first?.value == shown, "\(String(describing: error?.problems.first?.value))")
        }
        let drafts = try JSONRecords.drafts(from: Data(#"[{"date": "2025-03-01", "level": 1}, {"date": "2025-03-02", "level": 0}]"#.utf8),
                                            as: Reading.self, listKey: "readings")
        #expect(drafts.map { $0[.level] } == ["1", "0"])
    }
}
