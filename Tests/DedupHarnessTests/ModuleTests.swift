import Testing
@testable import DedupHarness

@Test func moduleLoads() { #expect(Bool(true)) }
