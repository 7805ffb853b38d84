import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Lesson 3's attacks on demo 2, each on a fresh chat through an attacker on the path.
struct Demo2Attacks {
  let taps: PeerTaps
  let context: CryptoContext

  static let message = "Meet me at the library at noon."

  private func session(
    _ serverKey: RSAPrivateKey, impostor: RSAPrivateKey? = nil,
    repeating nonce: AESGCM.Nonce? = nil
  ) throws -> Demo2Session {
    try Demo2Session(
      path: AttackPath(taps: taps), serverKey: serverKey, context: context, impostor: impostor,
      unsafeRepeatedNonce: nonce)
  }

  /// Prints what the server's channel received, as the chat would, and returns the text.
  @discardableResult
  private func serverReads(_ chat: Demo2Session, _ report: inout StageReport) throws -> String? {
    guard let received = try chat.server.receive() else { return nil }
    if let text = received.displayText {
      report.say(.server, "[Peer]: \(text)")
    } else {
      report.say(.server, "[!] Failed to decrypt message")
    }
    return received.displayText
  }

  func eavesdrop(_ report: inout StageReport) throws {
    let (attackerSide, client) = try makeLoopbackPair()
    let (server, attackerToServer) = try makeLoopbackPair()
    defer {
      for connection in [attackerSide, client, server, attackerToServer] { connection.close() }
    }
    client.tap = taps.client
    attackerSide.tap = taps.attacker
    let message = "My password is hunter2."
    try PlaintextPeer(connection: client).send(message)
    let seen = try PlaintextPeer(connection: attackerSide).receive() ?? []
    try attackerToServer.writeAll(seen)
    let received = try PlaintextPeer(connection: server).receive() ?? []
    report.say(.client, "You: \(message)")
    report.say(.attacker, "read: \(ChatText.displayable(seen))")
    report.say(.server, "[Peer]: \(ChatText.displayable(received))")
    report.values["message"] = message
    report.values["message_hex"] = ValueText.hex(seen)
    report.show("attacker: what it read on the path", seen)
    let read = seen == Array(message.utf8)
    report.outcome = AttackOutcome(
      verdict: read ? .succeeded : .failed,
      summary: read
        ? "the attacker read the whole message, and the server got it unchanged."
        : "the attacker did not see the message.")
  }

  func tamperBit(_ report: inout StageReport, _ serverKey: RSAPrivateKey) throws {
    let chat = try session(serverKey)
    defer { chat.path.close() }
    _ = taps.drain()
    try chat.client.send(Self.message)
    report.say(.client, "You: \(Self.message)")
    var body = try chat.path.interceptFromClient()
    let offset = AESGCM.nonceByteCount  // the first ciphertext byte
    let original = body[offset]
    body[offset] ^= 0x01
    try chat.path.attackerToServer.send(body)
    report.say(
      .attacker,
      "flipped the lowest bit of ciphertext byte 0: \(Hex.string(original)) → \(Hex.string(body[offset]))"
    )
    let read = try serverReads(chat, &report)
    report.values["message"] = Self.message
    report.values["offset"] = String(FrameDecoder.headerSize + offset)
    report.values["original_byte"] = Hex.string(original)
    report.values["changed_byte"] = Hex.string(body[offset])
    report.show(
      "attacker → server: the frame with one bit changed", try FrameEncoder.encode(body),
      fields: FrameLayout.messageFrame(bodyCount: body.count))
    report.outcome = AttackOutcome(
      verdict: read == nil ? .failed : .succeeded,
      summary: read == nil
        ? "GCM's tag did not match; the server printed no text."
        : "the server accepted a changed message: \(read ?? "")")
  }

  func tamperLength(_ report: inout StageReport, _ serverKey: RSAPrivateKey) throws {
    let chat = try session(serverKey)
    defer { chat.path.close() }
    try chat.client.send(Self.message)
    try chat.client.send("Bring the book.")
    report.say(.client, "You: \(Self.message)")
    report.say(.client, "You: Bring the book.")
    let first = try chat.path.interceptFromClient()
    let second = try chat.path.interceptFromClient()
    let originalPrefix = try FrameEncoder.header(bodyCount: first.count)
    let changedPrefix = try FrameEncoder.header(bodyCount: first.count + 1)
    // One more than the truth: the server will take the next frame's first byte as part of
    // this one, and read the rest of the stream out of step.
    let forged = try changedPrefix + first + FrameEncoder.encode(second)
    try chat.path.attackerToServer.connection.writeAll(forged)
    chat.path.attackerToServer.close()
    report.say(
      .attacker,
      "changed the length \(ValueText.hex(originalPrefix)) → \(ValueText.hex(changedPrefix)), then closed"
    )
    report.show(
      "attacker → server: the bytes with the changed length", forged,
      fields: [FrameLayout.lengthPrefix(bodyCount: first.count + 1)])
    var serverError = "none"
    let firstRead = try serverReads(chat, &report)
    do {
      try serverReads(chat, &report)
    } catch {
      serverError = ChatSession.describe(error)
      report.say(.server, "[!] \(serverError)")
    }
    report.values["original_prefix"] = ValueText.hex(originalPrefix)
    report.values["changed_prefix"] = ValueText.hex(changedPrefix)
    report.values["server_error"] = serverError
    report.outcome = AttackOutcome(
      verdict: firstRead == nil ? .disrupted : .succeeded,
      summary: firstRead == nil
        ? "no forged text got through, but the stream is out of step and the chat is over."
        : "the server accepted a message despite the changed length.")
  }

  func replay(_ report: inout StageReport, _ serverKey: RSAPrivateKey) throws {
    let chat = try session(serverKey)
    defer { chat.path.close() }
    let message = "Please transfer 100 euros to Bob."
    try chat.client.send(message)
    report.say(.client, "You: \(message)")
    let recorded = try chat.path.relayToServer()
    let first = try serverReads(chat, &report)
    try chat.path.attackerToServer.send(recorded)
    report.say(.attacker, "sent the recorded frame again")
    let second = try serverReads(chat, &report)
    report.values["message"] = message
    report.show(
      "attacker → server: the recorded frame, sent a second time",
      try FrameEncoder.encode(recorded),
      fields: FrameLayout.messageFrame(bodyCount: recorded.count))
    let accepted = first == message && second == message
    report.outcome = AttackOutcome(
      verdict: accepted ? .succeeded : .failed,
      summary: accepted
        ? "the server accepted the same message twice: two transfers."
        : "the server refused the replayed frame.")
  }

  func reflection(_ report: inout StageReport, _ serverKey: RSAPrivateKey) throws {
    let chat = try session(serverKey)
    defer { chat.path.close() }
    let message = "I am outside, open the door."
    try chat.client.send(message)
    report.say(.client, "You: \(message)")
    let frame = try chat.path.interceptFromClient()
    try chat.path.attackerToClient.send(frame)
    report.say(.attacker, "sent the client's frame back to the client")
    let received = try chat.client.receive()
    let text = received?.displayText
    report.say(.client, text.map { "[Peer]: \($0)" } ?? "[!] Failed to decrypt message")
    report.values["message"] = message
    report.show(
      "attacker → client: the client's own frame", try FrameEncoder.encode(frame),
      fields: FrameLayout.messageFrame(bodyCount: frame.count))
    report.outcome = AttackOutcome(
      verdict: text == message ? .succeeded : .failed,
      summary: text == message
        ? "the client took its own words for the server's: one key serves both directions."
        : "the client refused its own frame.")
  }

  func dropReorder(_ report: inout StageReport, _ serverKey: RSAPrivateKey) throws {
    let chat = try session(serverKey)
    defer { chat.path.close() }
    let messages = ["1. Buy the tickets.", "2. Do NOT sell the house.", "3. Sell the house."]
    for message in messages {
      try chat.client.send(message)
      report.say(.client, "You: \(message)")
    }
    let frames = try messages.map { _ in try chat.path.interceptFromClient() }
    try chat.path.attackerToServer.send(frames[2])
    try chat.path.attackerToServer.send(frames[0])
    report.say(.attacker, "passed on message 3, then message 1; dropped message 2")
    let received = [try serverReads(chat, &report), try serverReads(chat, &report)]
    report.values["first"] = messages[0]
    report.values["second"] = messages[1]
    report.values["third"] = messages[2]
    let fooled = received == [messages[2], messages[0]]
    report.outcome = AttackOutcome(
      verdict: fooled ? .succeeded : .failed,
      summary: fooled
        ? "the server printed messages 3 and 1, in that order, with no sign of message 2."
        : "the server noticed the missing or reordered frames.")
  }

  func manInTheMiddle(_ report: inout StageReport, _ serverKey: RSAPrivateKey) throws {
    let impostor = try RSAPrivateKey(context: context)
    let chat = try session(serverKey, impostor: impostor)
    defer { chat.path.close() }
    for actor in [StageActor.server, .client] {
      report.say(actor, "[*] Handshake complete: symmetric key established")
    }
    report.say(
      .attacker,
      "sent its own public key to the client, unwrapped the session key, wrapped it again for the server"
    )
    try chat.client.send(Self.message)
    report.say(.client, "You: \(Self.message)")
    let frame = try chat.path.interceptFromClient()
    let read = try AESGCM.open(AESGCM.SealedMessage(combined: frame), key: chat.sessionKey)
    let rewritten = Self.message.replacingOccurrences(of: "noon", with: "nine")
    let forged = try AESGCM.seal(
      Array(rewritten.utf8), key: chat.sessionKey, nonce: AESGCM.Nonce.random(context: context))
    try chat.path.attackerToServer.send(forged.combined)
    report.say(.attacker, "read: \(ChatText.displayable(read)); sent instead: \(rewritten)")
    let received = try serverReads(chat, &report)
    report.values["session_key"] = ValueText.hex(chat.sessionKey.bytes)
    report.values["message"] = Self.message
    report.values["rewritten"] = rewritten
    report.show("attacker: the session key it unwrapped", chat.sessionKey.bytes)
    report.show(
      "attacker → server: the rewritten message, sealed with the stolen key",
      try FrameEncoder.encode(forged.combined),
      fields: FrameLayout.messageFrame(bodyCount: forged.combined.count))
    let fooled = received == rewritten && read == Array(Self.message.utf8)
    report.outcome = AttackOutcome(
      verdict: fooled ? .succeeded : .failed,
      summary: fooled
        ? "both sides completed the handshake; the attacker read the message and the server printed the rewritten one."
        : "the handshake or the forgery failed.")
  }

  func nonceReuse(_ report: inout StageReport, _ serverKey: RSAPrivateKey) throws {
    let nonce = try AESGCM.Nonce.random(context: context)
    let chat = try session(serverKey, repeating: nonce)
    defer { chat.path.close() }
    let known = Self.message
    let secret = "The door code is 4172, come in."
    try chat.client.send(known)
    try chat.client.send(secret)
    report.say(.client, "You: \(known)")
    report.say(.client, "You: \(secret)")
    let first = try AESGCM.SealedMessage(combined: chat.path.relayToServer())
    let second = try AESGCM.SealedMessage(combined: chat.path.relayToServer())
    try serverReads(chat, &report)
    try serverReads(chat, &report)
    // Same key, same nonce: the same keystream, so it cancels out of the XOR.
    let xor = zip(first.ciphertext, second.ciphertext).map { $0 ^ $1 }
    let recovered = zip(xor, Array(known.utf8)).map { $0 ^ $1 }
    let recoveredText = ChatText.displayable(recovered)
    report.say(.attacker, "both frames carry nonce \(ValueText.hex(nonce.bytes))")
    report.say(.attacker, "recovered: \(recoveredText)")
    report.values["nonce"] = ValueText.hex(nonce.bytes)
    report.values["known"] = known
    report.values["secret"] = recoveredText
    report.values["xor"] = ValueText.hex(xor)
    report.show("attacker: ciphertext 1 XOR ciphertext 2 = plaintext 1 XOR plaintext 2", xor)
    report.outcome = AttackOutcome(
      verdict: recoveredText == secret ? .succeeded : .failed,
      summary: recoveredText == secret
        ? "knowing one message, the attacker recovered the other without the key."
        : "the XOR did not reveal the second message.")
  }

  func oversizedLength(_ report: inout StageReport, _ serverKey: RSAPrivateKey) throws {
    let chat = try session(serverKey)
    defer { chat.path.close() }
    let header: [UInt8] = [0xff, 0xff, 0xff, 0xff]
    try chat.path.attackerToServer.connection.writeAll(header)
    report.say(.attacker, "sent a length prefix of ff ff ff ff (4 GiB) and nothing else")
    report.show(
      "attacker → server: a frame header announcing 4,294,967,295 bytes", header,
      fields: [FrameLayout.lengthPrefix(bodyCount: Int(UInt32.max))])
    var serverError = "none"
    do {
      try serverReads(chat, &report)
    } catch {
      serverError = ChatSession.describe(error)
      report.say(.server, "[!] \(serverError)")
    }
    report.values["limit"] = String(chat.path.server.maximumBodySize)
    report.values["server_error"] = serverError
    let refused = serverError.contains("exceeds")
    report.outcome = AttackOutcome(
      verdict: refused ? .failed : .succeeded,
      summary: refused
        ? "learnchat refused the length before allocating anything; the original would have tried to read 4 GiB."
        : "the server did not refuse the length.")
  }
}
