import DedupFormats

/// Chooses the charts of an experiment: those its spec asks for, then defaults picked from the
/// axes that vary (duplicate rate and scale first), without drawing the same chart twice.
enum ChartPlanner {
    /// Numeric axes preferred as x, in this order; any other numeric axis comes after.
    static let preferredX = ["dup_prob", "scale", "batches", "slow_prob", "drop_prob"]

    static func defaults(for experiment: ExperimentResults) -> [ChartRequest] {
        let numeric = experiment.axes.filter(\.isNumeric).map(\.name)
        let xs = preferredX.filter { numeric.contains($0) } + numeric.filter { !preferredX.contains($0) }
        var requests: [ChartRequest] = []
        for x in xs.prefix(2) {
            requests.append(ChartRequest(kind: .throughput, x: x))
            if x == "dup_prob" || x == "scale" {
                requests.append(ChartRequest(kind: .storage, x: x))
                requests.append(ChartRequest(kind: .cost, x: x))
            }
        }
        if xs.isEmpty { requests.append(ChartRequest(kind: .throughput)) }
        requests.append(ChartRequest(kind: .phases))
        if experiment.axis(named: "hash_algorithm") != nil || experiment.axis(named: "hash_encoding") != nil {
            requests.append(ChartRequest(kind: .hash))
        }
        return requests
    }

    /// Requested charts (parse errors kept, to be shown in the report) followed by the defaults
    /// not already requested. Each gets a unique file name.
    static func plan(_ experiment: ExperimentResults, requested: [JSONValue])
        -> [(name: String, request: Result<ChartRequest, ChartRequestError>)]
    {
        var planned: [Result<ChartRequest, ChartRequestError>] = requested.map(ChartRequest.parse)
        for request in defaults(for: experiment) where !planned.contains(where: { same($0, request, experiment) }) {
            planned.append(.success(request))
        }
        var used = Set<String>()
        let base = TextEscaping.slug(experiment.name)
        return planned.enumerated().map { i, entry in
            var name: String
            switch entry {
            case let .success(r):
                let x = r.x.map { experiment.resolveAxis($0) ?? $0 }
                name = base + "-" + r.kind.rawValue + (x.map { "-vs-" + TextEscaping.slug($0) } ?? "")
            case .failure: name = base + "-chart-\(i + 1)"
            }
            if used.contains(name) {
                var k = 2
                while used.contains("\(name)-\(k)") { k += 1 }
                name = "\(name)-\(k)"
            }
            used.insert(name)
            return (name, entry)
        }
    }

    private static func same(_ entry: Result<ChartRequest, ChartRequestError>, _ request: ChartRequest,
                             _ experiment: ExperimentResults) -> Bool {
        guard case let .success(r) = entry else { return false }
        let x = r.x.map { experiment.resolveAxis($0) ?? $0 }
        // A requested chart of the same kind and x replaces the default (whatever its y).
        return r.kind == request.kind && x == request.x && (r.kind != .line || r.metric == request.metric)
    }
}
