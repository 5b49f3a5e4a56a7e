@_exported import DedupPipeline
