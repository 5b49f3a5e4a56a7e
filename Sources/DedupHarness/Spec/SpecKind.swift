import DedupPipeline
import DedupYAML

/// What a YAML file holds, told by its top-level keys (for `dedupbench validate`).
public enum SpecKind: Sendable {
    case experiment, priceTable, pipelineConfig

    public static func detect(path: String) throws(SpecError) -> SpecKind {
        let (reader, root, _) = try SpecReader.load(path: path)
        let keys = Set(try reader.mapping(root, "").map(\.key))
        if keys.contains("matrix") || (keys.contains("name") && keys.contains("version") && !keys.contains("storage")) {
            return .experiment
        }
        if keys.contains("storage"), keys.contains("requests") { return .priceTable }
        return .pipelineConfig
    }
}
