import Foundation
import LearnchatTestSupport
import LearnchatWire

/// A demo-shaped exchange for the dissector: the turns two peers play, and the fields tshark
/// should then report for each direction, in order, as tshark prints them.
struct DemoScenario: CustomStringConvertible, Sendable {
  typealias Fields = [String: [String]]

  var name: String
  var turns: [TappedChat.Turn]
  var clientFields: Fields = [:]
  var serverFields: Fields = [:]

  var description: String { name }

  /// Every field name either direction expects.
  var fieldNames: [String] { Array(Set(clientFields.keys).union(serverFields.keys)).sorted() }

  private mutating func expect(_ speaker: TappedChat.Speaker, _ field: String, _ value: String) {
    if speaker == .client {
      clientFields[field, default: []].append(value)
    } else {
      serverFields[field, default: []].append(value)
    }
  }

  /// Demo 1: text, no framing.
  static func demo1() -> DemoScenario {
    var scenario = DemoScenario(name: "demo 1", turns: [])
    for (speaker, text) in [
      (TappedChat.Speaker.client, "hello"), (.server, "hi there, café"), (.client, "exit"),
    ] {
      scenario.turns.append(.init(speaker: speaker, writes: [Array(text.utf8)]))
      scenario.expect(speaker, "learnchat.text", text)
    }
    return scenario
  }

  /// Demo 2: PEM key, wrapped key, then nonce || ciphertext || tag messages, including one
  /// that spans TCP segments, one written in three pieces, and two in one write.
  static func demo2() throws -> DemoScenario {
    var generator = SeededRandom(seed: 2)
    var scenario = DemoScenario(name: "demo 2", turns: [])
    // The shape of an RSA-2048 SubjectPublicKeyInfo PEM: 294 bytes of base64 in 64-column lines.
    let base64 = Data(randomBytes(294, &generator)).base64EncodedString(
      options: [.lineLength64Characters, .endLineWithLineFeed])
    let pem = "-----BEGIN PUBLIC KEY-----\n\(base64)\n-----END PUBLIC KEY-----\n"
    scenario.turns.append(.init(speaker: .server, writes: [try frame(Array(pem.utf8))]))
    scenario.expect(.server, "learnchat.length", String(pem.utf8.count))
    // tshark's field output escapes a string's line feeds as \n.
    scenario.expect(.server, "learnchat.pem", pem.replacingOccurrences(of: "\n", with: "\\n"))

    let wrapped = randomBytes(256, &generator)
    scenario.turns.append(.init(speaker: .client, writes: [try frame(wrapped)]))
    scenario.expect(.client, "learnchat.length", "256")
    scenario.expect(.client, "learnchat.wrapped_key", hex(wrapped))

    func message(_ speaker: TappedChat.Speaker, _ size: Int) -> [UInt8] {
      let nonce = randomBytes(12, &generator)
      let ciphertext = randomBytes(size, &generator)
      let tag = randomBytes(16, &generator)
      scenario.expect(speaker, "learnchat.length", String(28 + size))
      scenario.expect(speaker, "learnchat.nonce", hex(nonce))
      scenario.expect(speaker, "learnchat.ciphertext", hex(ciphertext))
      scenario.expect(speaker, "learnchat.tag", hex(tag))
      return nonce + ciphertext + tag
    }
    scenario.turns.append(.init(speaker: .client, writes: [try frame(message(.client, 5))]))
    scenario.turns.append(.init(speaker: .server, writes: [try frame(message(.server, 100_000))]))
    let pieces = try frame(message(.client, 40))
    scenario.turns.append(
      .init(
        speaker: .client,
        writes: [Array(pieces[..<4]), Array(pieces[4..<14]), Array(pieces[14...])]))
    let two = try frame(message(.client, 3)) + frame(message(.client, 7))
    scenario.turns.append(.init(speaker: .client, writes: [two]))
    return scenario
  }

  /// Demo 3: ClientHello, ServerHello, then ciphertext || tag messages counted per direction.
  static func demo3() throws -> DemoScenario {
    var generator = SeededRandom(seed: 3)
    var scenario = DemoScenario(name: "demo 3", turns: [])
    let clientEphemeral = randomBytes(32, &generator)
    scenario.turns.append(.init(speaker: .client, writes: [try frame(clientEphemeral)]))
    scenario.expect(.client, "learnchat.length", "32")
    scenario.expect(.client, "learnchat.client_ephemeral", hex(clientEphemeral))

    let identity = randomBytes(32, &generator)
    let serverEphemeral = randomBytes(32, &generator)
    let signature = randomBytes(64, &generator)
    scenario.turns.append(
      .init(speaker: .server, writes: [try frame(identity + serverEphemeral + signature)]))
    scenario.expect(.server, "learnchat.length", "128")
    scenario.expect(.server, "learnchat.identity_key", hex(identity))
    scenario.expect(.server, "learnchat.server_ephemeral", hex(serverEphemeral))
    scenario.expect(.server, "learnchat.signature", hex(signature))

    var sequence: [TappedChat.Speaker: Int] = [.client: 0, .server: 0]
    func message(_ speaker: TappedChat.Speaker, _ size: Int) -> [UInt8] {
      let ciphertext = randomBytes(size, &generator)
      let tag = randomBytes(16, &generator)
      scenario.expect(speaker, "learnchat.length", String(16 + size))
      scenario.expect(speaker, "learnchat.ciphertext", hex(ciphertext))
      scenario.expect(speaker, "learnchat.tag", hex(tag))
      scenario.expect(speaker, "learnchat.sequence", String(sequence[speaker]!))
      sequence[speaker]! += 1
      return ciphertext + tag
    }
    scenario.turns.append(.init(speaker: .client, writes: [try frame(message(.client, 5))]))
    scenario.turns.append(.init(speaker: .client, writes: [try frame(message(.client, 20))]))
    scenario.turns.append(.init(speaker: .server, writes: [try frame(message(.server, 70_000))]))
    let split = try frame(message(.client, 9))
    scenario.turns.append(
      .init(speaker: .client, writes: [Array(split[..<2]), Array(split[2...])]))
    return scenario
  }
}

/// Lower-case hex without separators, as tshark prints a bytes field.
func hex(_ bytes: [UInt8]) -> String {
  bytes.map { String(format: "%02x", $0) }.joined()
}

extension TappedChat.Speaker: Hashable {}
