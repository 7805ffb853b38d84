import LearnchatDemos
import LearnchatWire

/// What happened in one stage of a walkthrough: values for the lesson text, the lines the peers
/// printed, and the bytes to show, all taken from the real run.
public struct StageReport: Sendable {
  /// Bytes to show as a labelled hex dump.
  public struct Bytes: Sendable {
    /// What the bytes are and where they went, such as `server → client: public-key frame`.
    public let title: String
    /// The bytes themselves.
    public let bytes: [UInt8]
    /// Their fields, as offsets into `bytes`.
    public let fields: [FrameField]
  }

  /// A line one of the peers printed on its console, as the two-terminal chat prints it.
  public struct ConsoleLine: Sendable, Equatable {
    /// Which peer printed it.
    public let actor: StageActor
    /// The text.
    public let text: String
  }

  /// One read or write a peer's tap recorded during the stage.
  public struct TapRecord: Sendable {
    /// The peer whose socket it was.
    public let actor: StageActor
    /// Who was at the other end of that socket: it names the connection, since the attacker
    /// holds two.
    public let peer: StageActor
    /// Whether that peer wrote or read the bytes.
    public let direction: WireRecord.Direction
    /// The bytes of that one system call.
    public let bytes: [UInt8]
  }

  /// The stage this reports on.
  public let stage: StageDefinition
  /// Values for the stage's `{{placeholders}}`.
  public var values: [String: String] = [:]
  /// What the peers printed.
  public var console: [ConsoleLine] = []
  /// The hex dumps to show.
  public var shown: [Bytes] = []
  /// Every read and write on the sockets during the stage, from the taps.
  public var records: [TapRecord] = []
  /// For an attack stage: whether the attack worked, as the program checked it.
  public var outcome: AttackOutcome?
  /// The files this stage offers for `--export` (keys, frames), so that an export of a range
  /// of stages holds only what those stages made.
  public var artifacts: [Artifact] = []

  /// An empty report for `stage`.
  public init(stage: StageDefinition) {
    self.stage = stage
  }

  /// Moves the taps' records made so far into this report, and returns them.
  mutating func collect(_ taps: PeerTaps) -> [TapRecord] {
    let taken = taps.drain()
    records += taken
    return taken
  }

  mutating func say(_ actor: StageActor, _ text: String) {
    console.append(ConsoleLine(actor: actor, text: text))
  }

  mutating func show(_ title: String, _ bytes: [UInt8], fields: [FrameField] = []) {
    shown.append(Bytes(title: title, bytes: bytes, fields: fields))
  }

  mutating func export(_ fileName: String, _ bytes: [UInt8]) {
    artifacts.append(Artifact(fileName: fileName, bytes: bytes))
  }
}

/// How an attack went, decided from what the run observed, never assumed.
///
/// The verdict follows from ``Observed`` alone, the same way in lessons 3 and 4:
/// - **succeeded**: a victim accepted something false (a changed, forged, replayed, reflected
///   or reordered message shown as genuine), or the attacker learned a secret;
/// - **disrupted**: nothing false got through and nothing leaked, but the chat was harmed: a
///   message was lost, or the connection ended;
/// - **failed**: nothing false got through, nothing leaked, and the chat went on unharmed.
public struct AttackOutcome: Sendable, Equatable {
  /// The verdicts an attack can get.
  public enum Verdict: String, Sendable {
    /// Something false was accepted, or a secret learned.
    case succeeded
    /// Nothing false got through, but a message was lost or the connection ended.
    case disrupted
    /// Nothing false got through, and the chat went on unharmed.
    case failed
  }

  /// What the run saw the victims do, as facts the attack's code checked.
  public struct Observed: Sendable, Equatable {
    /// A victim showed as genuine something the other victim did not send that way: changed
    /// or forged text, a copy, its own words, messages out of order.
    public var acceptedFalse = false
    /// The attacker learned something secret: a message's text, or a session key.
    public var learnedSecret = false
    /// A message that was sent never reached the other side's screen.
    public var messageLost = false
    /// The connection ended before the chat did: a victim refused a frame or a handshake and
    /// hung up, or lost step with the stream.
    public var connectionEnded = false

    /// Observations; all false means the attack changed nothing.
    public init(
      acceptedFalse: Bool = false, learnedSecret: Bool = false, messageLost: Bool = false,
      connectionEnded: Bool = false
    ) {
      self.acceptedFalse = acceptedFalse
      self.learnedSecret = learnedSecret
      self.messageLost = messageLost
      self.connectionEnded = connectionEnded
    }
  }

  /// What the run observed.
  public let observed: Observed
  /// One sentence saying what the victims did.
  public let summary: String

  /// The outcome of an attack that led to `observed`, told in `summary`.
  public init(_ observed: Observed, summary: String) {
    self.observed = observed
    self.summary = summary
  }

  /// The outcome of an attack that led to `observed`, told in `ifSucceeded` when its verdict
  /// is ``Verdict/succeeded`` and in `otherwise` when it is not.
  public init(_ observed: Observed, ifSucceeded: String, otherwise: String) {
    self.init(observed, summary: observed.verdict == .succeeded ? ifSucceeded : otherwise)
  }

  /// The verdict, from the observations only.
  public var verdict: Verdict { observed.verdict }
}

/// What a walkthrough's caller decides after each stage.
public enum StageDecision: Sendable {
  /// Go on to the next stage.
  case proceed
  /// Stop the demo now, closing its connections.
  case stop
}

/// A file a walkthrough offers for `--export`, such as a key or a frame.
public struct Artifact: Sendable, Equatable {
  /// The file's name inside the export folder.
  public let fileName: String
  /// Its contents.
  public let bytes: [UInt8]
}

extension AttackOutcome.Observed {
  /// The verdict these observations give (see ``AttackOutcome``): decided here only.
  var verdict: AttackOutcome.Verdict {
    if acceptedFalse || learnedSecret { return .succeeded }
    if messageLost || connectionEnded { return .disrupted }
    return .failed
  }
}
