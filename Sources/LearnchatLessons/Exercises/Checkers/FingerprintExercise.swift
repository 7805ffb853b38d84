import LearnchatCrypto
import LearnchatDemos

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Exercise: verify the demo-3 server's signatures in a capture and compute its fingerprint.
struct FingerprintExercise: TextAnswerChecker {
  static let name = "fingerprint"
  static let placeholders = ["count"]

  let material: ExerciseMaterial
  private let forged: Int
  private let count: Int
  private let identity: [UInt8]
  private let ephemerals: [[UInt8]]

  init(seed: ExerciseSeed) throws {
    var choices = seed.choices("connections")
    let count = 3
    let forged = choices.number(in: 1...count)
    self.count = count
    self.forged = forged
    let recorder = ExerciseRecorder.forMaterial(&choices)
    // Rising client ports, as an OS hands them out: never one twice, which would make a
    // capture tool take a later connection for a retransmission of an earlier one.
    var ports = [UInt16(choices.number(in: 40_000...60_000))]
    while ports.count < count { ports.append(ports.last! + UInt16(choices.number(in: 1...40))) }
    let probes = try Demo3Probes(
      count: count, forged: forged, recorder: recorder, ports: ports, context: seed.context())
    guard probes.verified.enumerated().allSatisfy({ ($0.offset + 1 == forged) != $0.element })
    else { throw WalkthroughError.wireMismatch(stage: "exercise: signatures") }
    identity = probes.identity.publicKey.rawRepresentation
    ephemerals = probes.ephemerals
    material = ExerciseMaterial(
      files: try recorder.files(
        capture: "handshakes.pcapng", exercise: seed.exercise,
        title: "Three demo-3 handshakes, as the client saw them",
        note: "Every send and recv of the client's socket on each connection: a "
          + "ClientHello sent, a ServerHello received, then the client hangs up."),
      values: ["count": String(count)],
      answer: "\(forged) \(try Demo3.fingerprint(of: probes.identity.publicKey))")
  }

  /// `SHA256:` and unpadded base64 of SHA-256 over `bytes`.
  private static func fingerprint(_ bytes: [UInt8]) throws -> String {
    "SHA256:"
      + Data(try SHA256.hash(bytes)).base64EncodedString()
      .replacing("=", with: "")
  }

  func check(answer text: String) throws -> CheckResult {
    let words = text.split { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\t" || $0 == ";" }
      .map(String.init)
    let number = words.compactMap { Int($0) }.first
    let printed = words.first { !$0.allSatisfy(\.isNumber) }
    guard let number, let printed else {
      return .notYet(
        "Give two things: the number of the connection whose signature does not verify, and "
          + "the server's fingerprint, such as `2 SHA256:...`.")
    }
    let expected = try Demo3.fingerprint(of: Ed25519.PublicKey(rawRepresentation: identity))
    var given = printed.replacing("=", with: "")
    if !given.hasPrefix("SHA256:") { given = "SHA256:" + given }
    let fingerprintRight = given == expected
    let numberRight = number == forged
    if fingerprintRight && numberRight {
      return .right(
        "Connection \(forged)'s signature does not cover the ephemeral key it came with: "
          + "someone swapped it on the path, and a client that checks refuses. The fingerprint "
          + "is what a client pins, and what an operator reads out to you.")
    }
    var problems: [String] = []
    if !numberRight {
      problems.append(
        number >= 1 && number <= count
          ? "Connection \(number)'s signature verifies. Check each one over "
            + "`learnchat demo 3 handshake` || ClientHello || identity key || ephemeral key."
          : "There are \(count) connections, numbered from 1 in the order they start.")
    }
    if !fingerprintRight { problems.append(try fingerprintMistake(given)) }
    let intro =
      numberRight
      ? "The connection is right. " : fingerprintRight ? "The fingerprint is right. " : ""
    return .notYet(
      intro + problems.joined(separator: " "),
      reread: numberRight ? (4, "identity") : (4, "server-hello"))
  }

  /// What the fingerprint given is, when it is a known mistake.
  private func fingerprintMistake(_ given: String) throws -> String {
    let body = String(given.dropFirst("SHA256:".count))
    let digest = try SHA256.hash(identity)
    if AnswerText.hexBytes(body) == digest {
      return "That fingerprint is the hash in hex; a fingerprint gives it in base64."
    }
    if AnswerText.hexBytes(body) == identity {
      return "That is the identity key itself, not its SHA-256 hash."
    }
    let der: [UInt8] = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]
    if given == (try Self.fingerprint(der + identity)) {
      return "That hashes the key's 44-byte DER encoding; the fingerprint hashes the 32 raw "
        + "bytes of the key."
    }
    if try ephemerals.contains(where: { given == (try Self.fingerprint($0)) }) {
      return "That is the hash of a ServerHello's ephemeral X25519 key; the identity key is "
        + "the first 32 bytes of the ServerHello's body."
    }
    if Data(identity).base64EncodedString().replacing("=", with: "") == body {
      return "That is the identity key in base64, not its SHA-256 hash."
    }
    return "That is not the server's fingerprint: SHA-256 over the 32-byte identity key, in "
      + "base64 without `=`."
  }
}
