@_exported import DedupHarness
