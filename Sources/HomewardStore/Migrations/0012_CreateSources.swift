import Foundation
import HomewardCore
import SQLKit

/// Sources side by side and the joint statement: the catalogue of measures, figures as organisations stated
/// them (with their revisions), coordination sessions with each participant's briefing, and published bulletins.
///
/// A figure's coverage is `since_day` (cumulative; both ends empty for since records began) or `from_day` and
/// `to_day` (a period or a year). A bulletin row is written once, with its snapshot and that snapshot's SHA-256,
/// and never updated: there is no code path that changes it.
struct CreateSources: Migration {
    let name = "0012_create_sources"

    func prepare(on db: any SQLDatabase, _ sql: SchemaSQL) async throws {
        try await db.raw("""
            CREATE TABLE source_measures (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                name_ru TEXT NOT NULL,
                name_ar TEXT NOT NULL,
                within TEXT REFERENCES source_measures (code),
                ledger TEXT CHECK (ledger IN ('all', 'refugee', 'idp')),
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL
            )
            """).run()
        // The built-in measures, broadest first so that `within` refers to a row already there.
        let now = ISO8601DateFormatter().string(from: Date())
        for measure in Measure.builtIn {
            try await db.raw("""
                INSERT INTO source_measures (code, name, name_ru, name_ar, within, ledger, created_at, created_by)
                VALUES (\(bind: measure.code), \(bind: measure.nameEn), \(bind: measure.nameRu), \(bind: measure.nameAr),
                        \(bind: measure.within), \(bind: measure.ledger), \(bind: now), 'homeward')
                """).run()
        }
        let recorded = "recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL, import_id BIGINT REFERENCES imports (id)"
        try await db.raw("""
            CREATE TABLE source_figures (
                \(unsafeRaw: sql.idColumn),
                row_key TEXT NOT NULL UNIQUE,
                organisation_id BIGINT NOT NULL REFERENCES organisations (id),
                stated_day INTEGER NOT NULL,
                measure TEXT NOT NULL REFERENCES source_measures (code),
                value BIGINT NOT NULL CHECK (value >= 0),
                qualifier TEXT NOT NULL CHECK (qualifier IN ('exact', 'about', 'more-than', 'at-least', 'up-to', 'less-than')),
                kind TEXT NOT NULL CHECK (kind IN ('count', 'estimate', 'projection')),
                since_day INTEGER,
                from_day INTEGER,
                to_day INTEGER,
                area_pcode TEXT REFERENCES admin_areas (pcode),
                citation TEXT,
                url TEXT,
                part_of BIGINT REFERENCES source_figures (id),
                reference TEXT,
                \(unsafeRaw: recorded),
                CHECK ((from_day IS NULL) = (to_day IS NULL)),
                CHECK (since_day IS NULL OR from_day IS NULL)
            )
            """).run()
        try await db.raw("CREATE INDEX source_figures_measure_day ON source_figures (measure, stated_day)").run()
        try await db.raw("""
            CREATE TABLE source_figure_revisions (
                \(unsafeRaw: sql.idColumn),
                figure_id BIGINT NOT NULL REFERENCES source_figures (id),
                value BIGINT NOT NULL,
                qualifier TEXT NOT NULL,
                citation TEXT,
                url TEXT,
                part_of BIGINT,
                \(unsafeRaw: recorded),
                superseded_at TEXT NOT NULL, superseded_by TEXT NOT NULL, superseded_in_import BIGINT REFERENCES imports (id)
            )
            """).run()
        try await db.raw("""
            CREATE TABLE coordination_sessions (
                \(unsafeRaw: sql.idColumn),
                day INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL
            )
            """).run()
        try await db.raw("""
            CREATE TABLE session_briefings (
                session_id BIGINT NOT NULL REFERENCES coordination_sessions (id),
                organisation_id BIGINT NOT NULL REFERENCES organisations (id),
                position INTEGER NOT NULL,
                briefing TEXT,
                PRIMARY KEY (session_id, organisation_id)
            )
            """).run()
        try await db.raw("""
            CREATE TABLE bulletins (
                \(unsafeRaw: sql.idColumn),
                day INTEGER NOT NULL,
                since_day INTEGER,
                session_id BIGINT REFERENCES coordination_sessions (id),
                snapshot TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                published_at TEXT NOT NULL,
                published_by TEXT NOT NULL
            )
            """).run()
        // The prose the centre edited before publishing, per language; its numbers were checked against the snapshot.
        try await db.raw("""
            CREATE TABLE bulletin_texts (
                bulletin_id BIGINT NOT NULL REFERENCES bulletins (id),
                language TEXT NOT NULL CHECK (language IN ('en', 'ru', 'ar')),
                body TEXT NOT NULL,
                PRIMARY KEY (bulletin_id, language)
            )
            """).run()
    }
}
