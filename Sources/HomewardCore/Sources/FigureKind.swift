/// Whether a figure counts what happened, estimates it, or projects what may happen.
///
/// Projections ("1.7 million may return") are shown apart and never added to or compared with counts.
public enum FigureKind: String, CaseIterable, Sendable, Codable {
    case count, estimate, projection
}
