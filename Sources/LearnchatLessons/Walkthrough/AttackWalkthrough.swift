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
  public static let stages = [
    StageDefinition(
      id: "eavesdrop", title: "Eavesdropping on demo 1", actor: .attacker,
      placeholders: ["message", "message_hex"]),
    StageDefinition(
      id: "tamper-bit", title: "Flipping one ciphertext bit", actor: .attacker,
      placeholders: ["message", "offset", "original_byte", "changed_byte"]),
    StageDefinition(
      id: "tamper-length", title: "Changing the length prefix", actor: .attacker,
      placeholders: [
        "original_prefix", "changed_prefix", "original_length", "changed_length",
        "second_prefix", "misread_prefix", "misread_length", "bytes_left", "server_error",
      ]),
    StageDefinition(
      id: "replay", title: "Replaying a recorded frame", actor: .attacker,
      placeholders: ["message"]),
    StageDefinition(
      id: "reflection", title: "Reflecting a frame to its sender", actor: .attacker,
      placeholders: ["message"]),
    StageDefinition(
      id: "drop-reorder", title: "Dropping and reordering frames", actor: .attacker,
      placeholders: ["first", "second", "third"]),
    StageDefinition(
      id: "mitm", title: "A man in the middle", actor: .attacker,
      placeholders: ["session_key", "message", "rewritten"]),
    StageDefinition(
      id: "nonce-reuse", title: "A repeated nonce", actor: .attacker,
      placeholders: ["nonce", "known", "secret", "xor"]),
    StageDefinition(
      id: "oversized-length", title: "A length prefix of ff ff ff ff", actor: .attacker,
      placeholders: ["limit", "server_error"]),
  ]

  let context: CryptoContext

  /// Where the run\'s connections are also recorded for `--pcap`, if anywhere.
  public var capture: CaptureLog?

  public init(context: CryptoContext, hidingPorts: Bool) {
    self.context = context
  }

  public func run(onStage: (StageReport) throws -> StageDecision) throws {
    try StageSequence.run(Self.stages, capture: capture, onStage: onStage) { sequence, taps in
      let attacks = Demo2Attacks(taps: taps, context: context)
      try sequence.stage("eavesdrop", attacks.eavesdrop)
      // One server key for all the demo-2 chats below: generation is the slow step.
      let serverKey = try RSAPrivateKey(context: context)
      try sequence.stage("tamper-bit") { try attacks.tamperBit(&$0, serverKey) }
      try sequence.stage("tamper-length") { try attacks.tamperLength(&$0, serverKey) }
      try sequence.stage("replay") { try attacks.replay(&$0, serverKey) }
      try sequence.stage("reflection") { try attacks.reflection(&$0, serverKey) }
      try sequence.stage("drop-reorder") { try attacks.dropReorder(&$0, serverKey) }
      try sequence.stage("mitm") { try attacks.manInTheMiddle(&$0, serverKey) }
      try sequence.stage("nonce-reuse") { try attacks.nonceReuse(&$0, serverKey) }
      try sequence.stage("oversized-length") { try attacks.oversizedLength(&$0, serverKey) }
    }
  }
}
