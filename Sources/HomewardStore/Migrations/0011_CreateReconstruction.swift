import Foundation
import SQLKit

/// Reconstruction and assistance: the catalogues of facility kinds and aid types (seeded, extended by users),
/// facility records (a status reached on a date, never overwritten by the next) and aid actions.
///
/// Quantities are integers: facilities in tenths of their unit (a school is 10, 2.5 km of road is 25), aid in
/// kilograms, so sums are exact in both databases. Each record keeps its place's lineage (`adm1` … `adm4`) as
/// movements do, so a figure by governorate is one grouping. A correction is copied into `…_revisions` first.
struct CreateReconstruction: Migration {
    let name = "0011_create_reconstruction"

    /// The kinds coordination statements name, with their names in Russian and Arabic.
    static let facilityKinds: [(code: String, unit: String, en: String, ru: String, ar: String)] = [
        ("residential-building", "items", "Residential buildings", "Жилые дома", "مبانٍ سكنية"),
        ("school", "items", "Schools", "Школы", "مدارس"),
        ("pre-school", "items", "Pre-schools", "Детские сады", "رياض أطفال"),
        ("medical-facility", "items", "Medical facilities", "Медицинские учреждения", "منشآت طبية"),
        ("bakery", "items", "Bakeries", "Пекарни", "أفران"),
        ("water-pumping-station", "items", "Water pumping stations", "Водонасосные станции", "محطات ضخ المياه"),
        ("electrical-substation", "items", "Electrical substations", "Электрические подстанции", "محطات تحويل كهربائية"),
        ("place-of-worship", "items", "Places of worship", "Культовые сооружения", "دور عبادة"),
        ("industrial-enterprise", "items", "Industrial enterprises", "Промышленные предприятия", "منشآت صناعية"),
        ("road", "km", "Roads", "Дороги", "طرق"),
        ("power-line", "km", "Power lines", "Линии электропередачи", "خطوط نقل الكهرباء"),
        ("water-network", "km", "Water networks", "Водопроводные сети", "شبكات المياه"),
    ]

    static let aidTypes: [(code: String, en: String, ru: String, ar: String)] = [
        ("humanitarian", "Humanitarian", "Гуманитарная", "إنسانية"),
        ("charitable", "Charitable", "Благотворительная", "خيرية"),
        ("medical", "Medical", "Медицинская", "طبية"),
    ]

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        let created = "created_at TEXT NOT NULL, created_by TEXT NOT NULL"
        try await db.raw("""
            CREATE TABLE facility_kinds (
                code TEXT PRIMARY KEY,
                unit TEXT NOT NULL CHECK (unit IN ('items', 'km')),
                name_en TEXT NOT NULL,
                name_ru TEXT,
                name_ar TEXT,
                position INTEGER NOT NULL,
                \(unsafeRaw: created)
            )
            """).run()
        try await db.raw("""
            CREATE TABLE aid_types (
                code TEXT PRIMARY KEY,
                name_en TEXT NOT NULL,
                name_ru TEXT,
                name_ar TEXT,
                position INTEGER NOT NULL,
                \(unsafeRaw: created)
            )
            """).run()
        let place = """
            place_pcode TEXT NOT NULL REFERENCES admin_areas (pcode),
            adm1 TEXT, adm2 TEXT, adm3 TEXT, adm4 TEXT
            """
        let recorded = "recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL, import_id BIGINT REFERENCES imports (id)"
        try await db.raw("""
            CREATE TABLE facility_works (
                \(unsafeRaw: sql.idColumn),
                row_key TEXT NOT NULL UNIQUE,
                day INTEGER NOT NULL,
                \(unsafeRaw: place),
                kind_code TEXT NOT NULL REFERENCES facility_kinds (code),
                status TEXT NOT NULL CHECK (status IN ('damaged', 'under-restoration', 'commissioned')),
                quantity_tenths BIGINT NOT NULL CHECK (quantity_tenths > 0),
                organisation_id BIGINT NOT NULL REFERENCES organisations (id),
                external_id TEXT,
                \(unsafeRaw: recorded)
            )
            """).run()
        try await db.raw("CREATE INDEX facility_works_day ON facility_works (day)").run()
        try await db.raw("""
            CREATE TABLE aid_actions (
                \(unsafeRaw: sql.idColumn),
                row_key TEXT NOT NULL UNIQUE,
                day INTEGER NOT NULL,
                \(unsafeRaw: place),
                organisation_id BIGINT NOT NULL REFERENCES organisations (id),
                type_code TEXT NOT NULL REFERENCES aid_types (code),
                kilograms BIGINT CHECK (kilograms >= 0),
                parcels BIGINT CHECK (parcels >= 0),
                reached BIGINT CHECK (reached >= 0),
                treated BIGINT CHECK (treated >= 0),
                description TEXT,
                external_id TEXT,
                \(unsafeRaw: recorded)
            )
            """).run()
        try await db.raw("CREATE INDEX aid_actions_day ON aid_actions (day)").run()
        let superseded = "superseded_at TEXT NOT NULL, superseded_by TEXT NOT NULL, superseded_in_import BIGINT REFERENCES imports (id)"
        try await db.raw("""
            CREATE TABLE facility_work_revisions (
                \(unsafeRaw: sql.idColumn),
                work_id BIGINT NOT NULL REFERENCES facility_works (id),
                day INTEGER NOT NULL,
                quantity_tenths BIGINT NOT NULL,
                \(unsafeRaw: recorded),
                \(unsafeRaw: superseded)
            )
            """).run()
        try await db.raw("""
            CREATE TABLE aid_action_revisions (
                \(unsafeRaw: sql.idColumn),
                action_id BIGINT NOT NULL REFERENCES aid_actions (id),
                day INTEGER NOT NULL,
                kilograms BIGINT, parcels BIGINT, reached BIGINT, treated BIGINT,
                description TEXT,
                \(unsafeRaw: recorded),
                \(unsafeRaw: superseded)
            )
            """).run()
        let now = Database.timestamp(Date())
        // Seeded as Homeward itself, so a kind a user adds later says who added it and these do not.
        for (position, kind) in Self.facilityKinds.enumerated() {
            try await db.raw("""
                INSERT INTO facility_kinds (code, unit, name_en, name_ru, name_ar, position, created_at, created_by)
                VALUES (\(bind: kind.code), \(bind: kind.unit), \(bind: kind.en), \(bind: kind.ru), \(bind: kind.ar), \(bind: position),
                        \(bind: now), 'homeward')
                """).run()
        }
        for (position, type) in Self.aidTypes.enumerated() {
            try await db.raw("""
                INSERT INTO aid_types (code, name_en, name_ru, name_ar, position, created_at, created_by)
                VALUES (\(bind: type.code), \(bind: type.en), \(bind: type.ru), \(bind: type.ar), \(bind: position), \(bind: now), 'homeward')
                """).run()
        }
    }
}
