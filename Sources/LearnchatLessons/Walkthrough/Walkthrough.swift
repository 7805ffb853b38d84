import LearnchatCrypto
import LearnchatWire

/// A demo run inside one process, server and client over a real loopback TCP connection,
/// reporting after each stage what it did.
public protocol Walkthrough: Sendable {
  /// The demo's name, as lesson files give it in `<!-- demo: ... -->`.
  static var demoName: String { get }
  /// The stages, in the order `run` reports them.
  static var stages: [StageDefinition] { get }
  /// What a run draws at random, and so what `--seed` fixes, as a phrase for the seeded-run
  /// banner ("the RSA key pair, the session key, ..."); nil when it draws nothing.
  static var seededValues: String? { get }

  /// A walkthrough drawing its randomness from `context`.
  ///
  /// With `hidingPorts`, the OS-assigned port numbers are shown as `PORT`, so that two seeded
  /// runs print the same bytes.
  init(context: CryptoContext, hidingPorts: Bool)

  /// Where the run's connections are also recorded for `--pcap`, if anywhere.
  var capture: CaptureLog? { get set }

  /// Runs the demo, calling `onStage` after each stage; `.stop` ends it there. Each report
  /// carries the files `--export` writes for its stage (keys, frames).
  func run(onStage: (StageReport) throws -> StageDecision) throws
}

/// The walkthroughs learnchat has, by demo name.
public enum Walkthroughs {
  /// Every walkthrough type.
  public static let all: [any Walkthrough.Type] = [
    PlaintextWalkthrough.self, HandshakeWalkthrough.self, AttackWalkthrough.self,
    DefenseWalkthrough.self,
  ]

  /// The walkthrough for demo `name`, if there is one.
  public static func named(_ name: String) -> (any Walkthrough.Type)? {
    all.first { $0.demoName == name }
  }
}

/// Runs stages one after another, collecting each stage's tap records and stopping the run
/// when the caller says so.
struct StageSequence {
  /// Thrown to unwind the demo when the caller chose `.stop`.
  struct Stopped: Error {}

  let taps: PeerTaps
  let onStage: (StageReport) throws -> StageDecision
  let stages: [StageDefinition]

  /// Runs a whole walkthrough: `body` drives the demo through `sequence`'s stages with fresh
  /// taps; a `.stop` at a pause ends it quietly.
  static func run(
    _ stages: [StageDefinition], capture: CaptureLog? = nil,
    onStage: (StageReport) throws -> StageDecision,
    _ body: (StageSequence, PeerTaps) throws -> Void
  ) throws {
    try withoutActuallyEscaping(onStage) { onStage in
      let taps = PeerTaps(capture: capture)
      do {
        try body(StageSequence(taps: taps, onStage: onStage, stages: stages), taps)
      } catch is Stopped {
        // The user quit at a pause: the reports made so far have been handed over.
      }
    }
  }

  /// Runs `body` as the stage `id`, then reports it.
  func stage(_ id: String, _ body: (inout StageReport) throws -> Void) throws {
    guard let definition = stages.first(where: { $0.id == id }) else {
      preconditionFailure("stage \(id) is not declared")
    }
    var report = StageReport(stage: definition)
    try body(&report)
    _ = report.collect(taps)
    if try onStage(report) == .stop { throw Stopped() }
  }
}
