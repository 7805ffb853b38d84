import LearnchatCrypto
import LearnchatWire

/// A demo run inside one process, server and client over a real loopback TCP connection,
/// reporting after each stage what it did.
public protocol Walkthrough: Sendable {
  /// The walkthrough's stages, declared once: the enum's cases in run order.
  associatedtype Stage: WalkthroughStage
  /// The demo's name, as lesson files give it in `<!-- demo: ... -->`.
  static var demoName: String { get }
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

extension Walkthrough {
  /// The stages, in the order `run` reports them, derived from ``Stage``.
  public static var stages: [StageDefinition] { Stage.allCases.map(\.definition) }
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

/// Runs a walkthrough's stages one after another, collecting each stage's tap records and
/// stopping the run when the caller says so.
///
/// A stage is named by a case of the walkthrough's ``Walkthrough/Stage`` enum, so running a
/// stage that is not declared does not compile; a stage's body returns what later stages need.
struct StageSequence<Stage: WalkthroughStage> {
  /// Thrown to unwind the demo when the caller chose `.stop`.
  struct Stopped: Error {}

  let taps: PeerTaps
  let onStage: (StageReport) throws -> StageDecision

  /// Runs a whole walkthrough: `body` drives the demo through the sequence's stages with fresh
  /// taps; a `.stop` at a pause ends it quietly.
  static func run(
    capture: CaptureLog? = nil, onStage: (StageReport) throws -> StageDecision,
    _ body: (StageSequence, PeerTaps) throws -> Void
  ) throws {
    try withoutActuallyEscaping(onStage) { onStage in
      let taps = PeerTaps(capture: capture)
      do {
        try body(StageSequence(taps: taps, onStage: onStage), taps)
      } catch is Stopped {
        // The user quit at a pause: the reports made so far have been handed over.
      }
    }
  }

  /// Runs `body` as `stage`, reports it, and returns what `body` returned for the stages after.
  @discardableResult
  func stage<Value>(_ stage: Stage, _ body: (inout StageReport) throws -> Value) throws -> Value {
    var report = StageReport(stage: stage.definition)
    let value = try body(&report)
    _ = report.collect(taps)
    // A declared placeholder left unfilled would show as a blank in the lesson text.
    assert(
      report.stage.placeholders.allSatisfy { report.values[$0] != nil },
      "stage \(stage.rawValue) declares \(report.stage.placeholders.sorted()) but filled "
        + "\(report.values.keys.sorted())")
    if try onStage(report) == .stop { throw Stopped() }
    return value
  }
}
