import ArgumentParser
import LearnchatBench

/// `learnchat bench`: why hybrid encryption exists, in numbers from this machine.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure RSA, AES-GCM and the demo-2 transport on this machine.",
    discussion: """
      Each figure is the median of several timed runs after a warm-up, with the lowest and \
      highest run. Ends with how many messages one RSA operation is worth.
      """)

  @Flag(help: "Print the figures as JSON, for scripts.")
  var json = false

  @Option(help: "Timed runs per figure.")
  var runs = 5

  func validate() throws {
    guard (1...50).contains(runs) else { throw ValidationError("--runs must be between 1 and 50") }
  }

  func run() throws {
    try CommandFailure.reporting {
      InterruptHandling.ignoreBrokenPipes()
      let report = try BenchSuite(runs: runs).run { step in
        if !json { StandardError.write("measuring \(step) ...\n") }
      }
      StandardOutput.write(json ? try report.json() : report.table())
    }
  }
}
