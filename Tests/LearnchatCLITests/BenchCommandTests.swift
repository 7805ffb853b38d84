import Foundation
import Testing

/// `learnchat bench` runs and reports every figure; the speeds themselves are reported by
/// `benchmarks/run`, never asserted here.
@Suite("learnchat bench")
struct BenchCommandTests {
  static let keys = [
    "rsa_keygen", "oaep_wrap", "oaep_unwrap", "gcm_seal_64", "gcm_open_64", "gcm_seal_1024",
    "gcm_open_1024", "gcm_seal_16384", "gcm_open_16384", "handshake", "tcp_messages_64",
    "tcp_messages_64_demo3", "tcp_mbps_16384",
  ]

  @Test("--json has every figure, each with a positive median inside its spread")
  func json() throws {
    let run = try LearnchatBinary.run(["bench", "--json", "--runs", "1"])
    #expect(run.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    let figures = try #require(object["figures"] as? [[String: Any]])
    #expect(figures.compactMap { $0["key"] as? String } == Self.keys)
    for figure in figures {
      let median = try #require(figure["median"] as? Double)
      let minimum = try #require(figure["minimum"] as? Double)
      let maximum = try #require(figure["maximum"] as? Double)
      #expect(median > 0 && minimum <= median && median <= maximum, "\(figure)")
    }
    #expect((object["hybridRatio"] as? Double ?? 0) > 1, "one RSA operation outweighs one seal")
  }

  @Test("the table ends with the why-hybrid line")
  func table() throws {
    let run = try LearnchatBinary.run(["bench", "--runs", "1"])
    #expect(run.status == 0)
    #expect(run.output.contains("RSA-2048 key generation"))
    #expect(
      run.output.contains("Why hybrid: one RSA private-key operation costs as much as sealing "))
  }
}
