import ArgumentParser
import LearnchatBench

/// `learnchat bench-transport`: one half of a two-process demo-2 (or demo-3) transport run, for
/// `benchmarks/run`, which measures `benchmarks/transport_original.py` the same way.
struct BenchTransportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-transport",
    abstract:
      "Send or receive demo-2 or demo-3 messages between two processes, for benchmarks/run.",
    discussion: """
      `receive` listens on 127.0.0.1, prints `PORT <n>`, accepts one sender, and prints \
      {"messages": M, "seconds": S} once every message is opened. `send` connects and sends. \
      Both use a fixed key and no handshake: this measures the transport only.
      """,
    shouldDisplay: false)

  /// Which half this process plays.
  enum Role: String, ExpressibleByArgument, CaseIterable {
    case receive, send
  }

  @Argument(help: "Which half this process plays.")
  var role: Role

  @Option(help: "The demo whose message layer to use: 2 or 3.")
  var demo = 2

  @Option(help: "The port: 0 for any free port when receiving; the receiver's when sending.")
  var port = 0

  @Option(help: ArgumentHelp("The plaintext size of each message.", valueName: "BYTES"))
  var size: Int

  @Option(help: "How many messages.")
  var count: Int

  func validate() throws {
    guard (0...65535).contains(port), role == .receive || port != 0 else {
      throw ValidationError("--port must be 1 to 65535 (0 to 65535 when receiving)")
    }
    guard (0...(1 << 24)).contains(size) else {
      throw ValidationError("--size must be between 0 and 16777216 bytes")
    }
    guard count >= 1 else { throw ValidationError("--count must be at least 1") }
    guard TransportDemo(rawValue: demo) != nil else {
      throw ValidationError("--demo must be 2 or 3")
    }
  }

  func run() throws {
    try CommandFailure.reporting {
      InterruptHandling.ignoreBrokenPipes()
      let demo = TransportDemo(rawValue: demo) ?? .demo2
      switch role {
      case .receive:
        let measurement = try TransportPeers.receive(
          demo: demo, port: UInt16(port), size: size, count: count
        ) { StandardOutput.write("PORT \($0)\n") }
        StandardOutput.write(measurement.json + "\n")
      case .send:
        try TransportPeers.send(demo: demo, port: UInt16(port), size: size, count: count)
      }
    }
  }
}
