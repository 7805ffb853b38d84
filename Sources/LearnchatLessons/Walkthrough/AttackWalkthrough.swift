import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Lesson 3's demo: an attacker on the path between client and server, attacking demo 2 (and
/// demo 1) one way after another. Each attack's outcome is decided from what the victims did.
public struct AttackWalkthrough: Walkthrough {
  public static let demoName = "attacks"
  public static let seededValues: String? =
    "the RSA key pairs (the server's and the attacker's), every session key, OAEP's random "
    + "seeds and every nonce"
  /// The stages, in run order.
  public enum Stage: String, WalkthroughStage {
    case eavesdrop
    case tamperBit = "tamper-bit"
    case tamperLength = "tamper-length"
    case replay, reflection
    case dropReorder = "drop-reorder"
    case mitm
    case nonceReuse = "nonce-reuse"
    case oversizedLength = "oversized-length"

    public var details: StageDetails {
      switch self {
      case .eavesdrop:
        StageDetails(
          "Eavesdropping on demo 1", .attacker, placeholders: ["message", "message_hex"])
      case .tamperBit:
        StageDetails(
          "Flipping one ciphertext bit", .attacker,
          placeholders: ["message", "offset", "original_byte", "changed_byte"])
      case .tamperLength:
        StageDetails(
          "Changing the length prefix", .attacker,
          placeholders: [
            "original_prefix", "changed_prefix", "original_length", "changed_length",
            "second_prefix", "misread_prefix", "misread_length", "bytes_left", "server_error",
          ])
      case .replay: StageDetails("Replaying a recorded frame", .attacker, placeholders: ["message"])
      case .reflection:
        StageDetails("Reflecting a frame to its sender", .attacker, placeholders: ["message"])
      case .dropReorder:
        StageDetails(
          "Dropping and reordering frames", .attacker, placeholders: ["first", "second", "third"])
      case .mitm:
        StageDetails(
          "A man in the middle", .attacker, placeholders: ["session_key", "message", "rewritten"])
      case .nonceReuse:
        StageDetails(
          "A repeated nonce", .attacker, placeholders: ["nonce", "known", "secret", "xor"])
      case .oversizedLength:
        StageDetails(
          "A length prefix of ff ff ff ff", .attacker, placeholders: ["limit", "server_error"])
      }
    }
  }

  let context: CryptoContext

  /// Where the run\'s connections are also recorded for `--pcap`, if anywhere.
  public var capture: CaptureLog?

  public init(context: CryptoContext, hidingPorts: Bool) {
    self.context = context
  }

  public func run(onStage: (StageReport) throws -> StageDecision) throws {
    try StageSequence<Stage>.run(capture: capture, onStage: onStage) { sequence, taps in
      let attacks = Demo2Attacks(taps: taps, context: context)
      try sequence.stage(.eavesdrop, attacks.eavesdrop)
      // One server key for all the demo-2 chats below: generation is the slow step.
      let serverKey = try RSAPrivateKey(context: context)
      try sequence.stage(.tamperBit) { try attacks.tamperBit(&$0, serverKey) }
      try sequence.stage(.tamperLength) { try attacks.tamperLength(&$0, serverKey) }
      try sequence.stage(.replay) { try attacks.replay(&$0, serverKey) }
      try sequence.stage(.reflection) { try attacks.reflection(&$0, serverKey) }
      try sequence.stage(.dropReorder) { try attacks.dropReorder(&$0, serverKey) }
      try sequence.stage(.mitm) { try attacks.manInTheMiddle(&$0, serverKey) }
      try sequence.stage(.nonceReuse) { try attacks.nonceReuse(&$0, serverKey) }
      try sequence.stage(.oversizedLength) { try attacks.oversizedLength(&$0, serverKey) }
    }
  }
}
