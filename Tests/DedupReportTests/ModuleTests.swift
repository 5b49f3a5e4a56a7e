import Testing
@testable import DedupReport

@Test func moduleLoads() { #expect(Bool(true)) }
