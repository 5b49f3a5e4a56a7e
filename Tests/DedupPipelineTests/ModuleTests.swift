import Testing
@testable import DedupPipeline

@Test func moduleLoads() { #expect(Bool(true)) }
