import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Exercise: a demo-3 chat failed; from the capture and the server's keys, say which attack was
/// applied.
struct FailedChatExercise: TextAnswerChecker {
  static let name = "failed-chat"
  static let placeholders = ["attacks"]
  typealias Attack = FailedDemo3Chat.Attack

  let material: ExerciseMaterial
  private let attack: Attack

  init(seed: ExerciseSeed) throws {
    var choices = seed.choices("attack")
    attack = choices.pick(Attack.allCases)
    let swapEphemeral = choices.number(in: 0...1) == 1
    var texts: [String] = []
    while texts.count < 3 {
      let text = Phrases.sentence(&choices)
      if !texts.contains(text) { texts.append(text) }
    }
    let recorder = ExerciseRecorder.forMaterial(&choices)
    let ports = (
      UInt16(choices.number(in: 40_000...50_000)), UInt16(choices.number(in: 50_001...60_000))
    )
    let chat = try FailedDemo3Chat(
      attack: attack, texts: texts, recorder: recorder, ports: ports, context: seed.context(),
      swapEphemeral: swapEphemeral)
    let keys = """
      {
        "client_to_server": "\(Hex.string(chat.serverKeys.clientToServer.bytes, separator: " "))",
        "server_to_client": "\(Hex.string(chat.serverKeys.serverToClient.bytes, separator: " "))"
      }

      """
    let fingerprint = try Demo3.fingerprint(of: chat.identity.publicKey)
    material = ExerciseMaterial(
      files: try recorder.files(
        capture: "failed-chat.pcapng", exercise: seed.exercise,
        title: "A demo-3 chat through an attacker: the client's connection and the server's",
        note: "Connection 1 as the client's socket saw it (it connected to the attacker, "
          + "thinking it the server); connection 2 as the server's socket saw it (the "
          + "attacker connected to it).") + [
          Artifact(fileName: "server-keys.json", bytes: Array(keys.utf8)),
          Artifact(fileName: "known_servers", bytes: Array("127.0.0.1:5002 \(fingerprint)\n".utf8)),
        ],
      values: ["attacks": Attack.allCases.map(\.rawValue).joined(separator: ", ")],
      answer: attack.rawValue)
  }

  /// Other words a learner may use for each attack.
  static let aliases: [String: Attack] = [
    "bit-flip": .tamperBit, "flip": .tamperBit, "flipped-bit": .tamperBit, "bit": .tamperBit,
    "tamper": .tamperBit, "length": .tamperLength, "changed-length": .tamperLength,
    "replayed": .replay, "reflect": .reflection, "reflected": .reflection, "dropped": .drop,
    "dropping": .drop, "reordered": .reorder, "reordering": .reorder,
    "man-in-the-middle": .mitm, "impostor": .mitm, "oversized": .oversizedLength,
    "oversize": .oversizedLength, "ff-ff-ff-ff": .oversizedLength, "ffffffff": .oversizedLength,
  ]

  /// The attack `text` names, if any.
  static func attack(named text: String) -> Attack? {
    let word = AnswerText.trimmed(text).lowercased()
      .replacing(" ", with: "-").replacing("_", with: "-")
    return Attack(rawValue: word) ?? aliases[word]
  }

  func check(answer text: String) throws -> CheckResult {
    guard let guess = Self.attack(named: text) else {
      return .notYet(
        "Name the attack as one of: "
          + Attack.allCases.map(\.rawValue).joined(separator: ", ") + ".")
    }
    if guess == attack {
      return .right(
        "It was \(attack.rawValue). " + Self.trace(attack)
          + " Demo 3 caught it and hung up: nothing false reached a screen.")
    }
    return .notYet(
      "Not \(guess.rawValue). " + Self.trace(guess)
        + " Nothing in this capture looks like that.",
      reread: (4, Self.stage(guess)))
  }

  /// What `attack` leaves in a capture of both connections.
  static func trace(_ attack: Attack) -> String {
    switch attack {
    case .tamperBit:
      return "A flipped bit leaves a frame at the server that differs from the client's in one "
        + "bit of its ciphertext, with the same length."
    case .tamperLength:
      return "A changed length leaves a length prefix at the server that is not the one the "
        + "client wrote for that body."
    case .replay:
      return "A replay makes the server receive the same frame twice, byte for byte."
    case .reflection:
      return "A reflection sends the client one of its own frames back, which opens only with "
        + "the client-to-server key."
    case .drop:
      return "A drop means a message the client sent never reaches the server, while a later "
        + "one does."
    case .reorder:
      return "A reorder makes the server receive a later message before an earlier one."
    case .mitm:
      return "A man in the middle shows the client a ServerHello the server did not send: "
        + "another identity than the pinned one, or a signature that does not verify."
    case .oversizedLength:
      return "An oversized length sends the server a length prefix far over any limit, such as "
        + "ff ff ff ff."
    }
  }

  /// Lesson 4's stage for `attack`.
  static func stage(_ attack: Attack) -> String {
    switch attack {
    case .drop, .reorder: return "drop-reorder"
    default: return attack.rawValue
    }
  }
}
