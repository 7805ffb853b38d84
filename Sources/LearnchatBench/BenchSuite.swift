import LearnchatCrypto

/// `learnchat bench`: every figure, and the line that says why hybrid encryption exists.
public struct BenchSuite {
  /// How many timed runs each figure takes (after a warm-up).
  let runs: Int

  /// A suite of `runs` timed runs per figure.
  public init(runs: Int = 5) {
    self.runs = runs
  }

  /// The measured figures, in table order.
  public func run(progress: (String) -> Void = { _ in }) throws -> BenchReport {
    var figures: [BenchFigure] = []
    progress("RSA key generation")
    figures.append(try CryptoBenchmarks.keyGeneration(runs: runs))
    let key = try RSAPrivateKey()
    progress("RSA-OAEP")
    figures += try CryptoBenchmarks.oaep(runs: runs, key: key)
    for size in [64, 1024, 16384] {
      progress("AES-256-GCM, \(size) bytes")
      figures += try CryptoBenchmarks.gcm(runs: runs, size: size)
    }
    progress("handshake")
    figures.append(try TransportBenchmarks.handshake(runs: runs * 2, key: key))
    progress("framed messages over TCP")
    figures.append(
      BenchFigure(
        key: "tcp_messages_64", name: "framed 64 B messages over loopback TCP", unit: "msgs/s",
        values: try TransportBenchmarks.throughput(runs: runs, size: 64, messages: 20_000)))
    progress("demo-3 framed messages over TCP")
    figures.append(
      BenchFigure(
        key: "tcp_messages_64_demo3", name: "demo-3 framed 64 B messages over loopback TCP",
        unit: "msgs/s",
        values: try TransportBenchmarks.throughput(
          runs: runs, demo: .demo3, size: 64, messages: 20_000)))
    let perSecond16K = try TransportBenchmarks.throughput(runs: runs, size: 16384, messages: 4_000)
    figures.append(
      BenchFigure(
        key: "tcp_mbps_16384", name: "framed 16 KiB messages over loopback TCP", unit: "MB/s",
        values: perSecond16K.map { $0 * 16384 / 1e6 }))
    return BenchReport(figures: figures)
  }
}
