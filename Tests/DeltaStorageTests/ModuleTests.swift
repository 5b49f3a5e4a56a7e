import Testing
@testable import DeltaStorage

@Test func moduleLoads() { #expect(Bool(true)) }
