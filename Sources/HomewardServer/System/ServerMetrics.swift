import Hummingbird
import Prometheus

/// What `/metrics` reports, in the Prometheus text format: requests, latencies, movements and import rows.
///
/// Each application has its own registry, so tests and servers in one process do not share counts.
public final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let movementsStored: Gauge

    init() {
        movementsStored = registry.makeGauge(descriptor: Self.name("homeward_movements", "stored", help: "Movements in the ledger"))
    }

    func recordRequest(method: String, route: String, status: Int, seconds: Duration) {
        registry.makeCounter(descriptor: Self.name("homeward_http_requests", "total", help: "HTTP requests answered"),
                             labels: [("method", method), ("route", route), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: Self.name("homeward_http_request_duration", "seconds", help: "Time to answer HTTP requests"),
                                       labels: [("method", method), ("route", route)],
                                       buckets: [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                                                 .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5)]).recordNanoseconds(seconds.nanoseconds)
    }

    /// Counts rows of imports and movement batches by what became of them.
    func recordImport(imported: Int, updated: Int, ignored: Int, rejected: Int) {
        for (outcome, count) in [("imported", imported), ("updated", updated), ("ignored", ignored), ("rejected", rejected)] {
            registry.makeCounter(descriptor: Self.name("homeward_import_rows", "total", help: "Rows and movements received through the API, by outcome"),
                                 labels: [("outcome", outcome)]).increment(by: Int64(count))
        }
    }

    /// A metric's name as the Prometheus library composes it (`name_unit`), with its help line.
    private static func name(_ name: String, _ unit: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: unit, helpText: help)
    }

    func text() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

/// Times and counts every request, labelled by its route pattern (never the raw path, to bound the labels).
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            metrics.recordRequest(method: request.method.rawValue, route: context.endpointPath ?? "unmatched",
                                  status: response.status.code, seconds: ContinuousClock.now - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.recordRequest(method: request.method.rawValue, route: context.endpointPath ?? "unmatched",
                                  status: status, seconds: ContinuousClock.now - start)
            throw error
        }
    }
}
