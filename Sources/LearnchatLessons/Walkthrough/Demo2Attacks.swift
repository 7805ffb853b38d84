import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Lesson 3's attacks on demo 2, each on a fresh chat through an attacker on the path. Every
/// verdict comes from what the victims' reads gave (``VictimRead``), the same way as lesson 4's.
struct Demo2Attacks {
  let taps: PeerTaps
  let context: CryptoContext

  static let message = "Meet me at the library at noon."
  /// The second message of the length attack, short so that its frame is easy to find.
  static let secondMessage = "Bring the book."
  /// The three messages of the drop and reorder attack, numbered as a person would.
  static let orders = ["1. Buy the tickets.", "2. Do NOT sell the house.", "3. Sell the house."]

  private func session(
    _ serverKey: RSAPrivateKey, impostor: RSAPrivateKey? = nil,
    repeating nonce: AESGCM.Nonce? = nil
  ) throws -> Demo2Session {
    try Demo2Session(
      path: AttackPath(taps: taps), serverKey: serverKey, context: context, impostor: impostor,
      unsafeRepeatedNonce: nonce)
  }

  /// `actor`'s next read on `channel`, printed as the chat prints it.
  private func read(
    _ channel: Demo2.Channel, by actor: StageActor, _ report: inout StageReport
  ) -> VictimRead {
    do {
      guard let received = try channel.receive() else {
        report.say(actor, ChatLines.peerDisconnected)
        return .closed
      }
      switch received.plaintext {
      case .success(let bytes):
        let text = ChatText.displayable(bytes)
        report.say(actor, ChatLines.peer(text))
        return .shown(text)
      case .failure(let error):
        report.say(actor, ChatLines.failedToDecrypt("\(error)"))
        return .refused
      }
    } catch {
      report.say(actor, ChatLines.failure(ReceiveFailure.describe(error)))
      return .ended(error)
    }
  }

  /// The client sends `texts`, as the chat would.
  private func clientSends(_ texts: [String], _ chat: Demo2Session, _ report: inout StageReport)
    throws
  {
    for text in texts {
      try chat.client.send(text)
      report.say(.client, ChatLines.sent(text))
    }
  }

  func eavesdrop(_ report: inout StageReport) throws {
    // Demo 1 has no frames: the path's sockets are used raw.
    let path = try AttackPath(taps: taps)
    defer { path.close() }
    let message = "My password is hunter2."
    try Demo1.Peer(connection: path.client.connection).send(message)
    let seen = try Demo1.Peer(connection: path.attackerToClient.connection).receive() ?? []
    try path.attackerToServer.connection.writeAll(seen)
    let received = try Demo1.Peer(connection: path.server.connection).receive() ?? []
    report.say(.client, ChatLines.sent(message))
    report.say(.attacker, "read: \(ChatText.displayable(seen))")
    report.say(.server, ChatLines.peer(ChatText.displayable(received)))
    report.values["message"] = message
    report.values["message_hex"] = ValueText.hex(seen)
    report.show("attacker: what it read on the path", seen)
    let observed = AttackOutcome.Observed(
      sent: [message], reads: [.shown(ChatText.displayable(received))],
      learnedSecret: seen == Array(message.utf8))
    report.outcome = AttackOutcome(
      observed,
      ifSucceeded: "the attacker read the whole message, and the server got it unchanged.",
      otherwise: "the attacker did not see the message.")
  }

  func tamperBit(_ report: inout StageReport, _ serverKey: RSAPrivateKey) throws {
    let chat = try session(serverKey)
    defer { chat.path.close() }
    try clientSends([Self.message], chat, &report)
    // The same change `learnchat intercept --attack tamper-bit` makes to live traffic.
    guard
      let flip = FrameTampering.flipFirstCiphertextBit(
        try chat.path.interceptFromClient(), demo: .demo2)
    else { throw WalkthroughError.wireMismatch(stage: report.stage.id) }
    let sentFrame = try chat.path.attackerToServer.send(flip.body)
    report.say(
      .attacker,
      "flipped the lowest bit of ciphertext byte 0: \(Hex.string(flip.original)) → \(Hex.string(flip.changed))"
    )
    let reads = [read(chat.server, by: .server, &report)]
    report.values["message"] = Self.message
    report.values["offset"] = String(FrameDecoder.headerSize + flip.offset)
    report.values["original_byte"] = Hex.string(flip.original)
    report.values["changed_byte"] = Hex.string(flip.changed)
    report.show(
      "attacker → server: the frame with one bit changed", sentFrame,
      fields: Demo2.FrameLayout.messageFrame(bodyCount: flip.body.count))
    let observed = AttackOutcome.Observed(sent: [Self.message], reads: reads)
    report.outcome = AttackOutcome(
      observed, ifSucceeded: "the server accepted a changed message.",
      otherwise:
        "GCM's tag did not match, so the server showed no text; the message is lost and the client does not know."
    )
  }

  func tamperLength(_ report: inout StageReport, _ serverKey: RSAPrivateKey) throws {
    let chat = try session(serverKey)
    defer { chat.path.close() }
    let sent = [Self.message, Self.secondMessage]
    try clientSends(sent, chat, &report)
    let forgery = try chat.path.forgeLengthOfNextFrame()
    let (first, second, forged) = (forgery.first, forgery.second, forgery.forged)
    chat.path.attackerToServer.close()
    report.say(
      .attacker,
      "changed the length \(ValueText.hex(forgery.originalPrefix)) → \(ValueText.hex(forgery.changedPrefix)), then closed"
    )
    report.show(
      "attacker → server: the bytes with the changed length", forged,
      fields: [FrameField.lengthPrefix(bodyCount: first.count + 1)])
    var reads = [read(chat.server, by: .server, &report)]
    if !reads[0].endsConnection { reads.append(read(chat.server, by: .server, &report)) }
    // Where the server, out of step, looks for the next length: just after the body it took.
    let misreadStart = FrameDecoder.headerSize + first.count + 1
    let misread = Array(forged[misreadStart..<misreadStart + FrameDecoder.headerSize])
    forgery.record(in: &report)
    report.values["original_length"] = String(first.count)
    report.values["changed_length"] = String(first.count + 1)
    report.values["second_prefix"] = ValueText.hex(try FrameEncoder.header(bodyCount: second.count))
    report.values["misread_prefix"] = ValueText.hex(misread)
    report.values["misread_length"] = String(FrameDecoder.parseLength(misread) ?? 0)
    report.values["bytes_left"] = String(forged.count - misreadStart - FrameDecoder.headerSize)
    report.values["server_error"] = reads.compactMap(\.failure).first ?? "none"
    let observed = AttackOutcome.Observed(sent: sent, reads: reads)
    report.outcome = AttackOutcome(
      observed, ifSucceeded: "the server accepted a message despite the changed length.",
      otherwise:
        "no forged text got through, but the server lost step with the stream and the chat is over."
    )
  }

  func replay(_ report: inout StageReport, _ serverKey: RSAPrivateKey) throws {
    let chat = try session(serverKey)
    defer { chat.path.close() }
    let message = "Please transfer 100 euros to Bob."
    try clientSends([message], chat, &report)
    let recorded = try chat.path.relayToServer()
    var reads = [read(chat.server, by: .server, &report)]
    let sentFrame = try chat.path.attackerToServer.send(recorded)
    report.say(.attacker, "sent the recorded frame again")
    reads.append(read(chat.server, by: .server, &report))
    report.values["message"] = message
    report.show(
      "attacker → server: the recorded frame, sent a second time", sentFrame,
      fields: Demo2.FrameLayout.messageFrame(bodyCount: recorded.count))
    let observed = AttackOutcome.Observed(sent: [message], reads: reads)
    report.outcome = AttackOutcome(
      observed, ifSucceeded: "the server accepted the same message twice: two transfers.",
      otherwise: "the server refused the replayed frame.")
  }

  func reflection(_ report: inout StageReport, _ serverKey: RSAPrivateKey) throws {
    let chat = try session(serverKey)
    defer { chat.path.close() }
    let message = "I am outside, open the door."
    try clientSends([message], chat, &report)
    let frame = try chat.path.interceptFromClient()
    let sentFrame = try chat.path.attackerToClient.send(frame)
    report.say(.attacker, "sent the client's frame back to the client")
    let reads = [read(chat.client, by: .client, &report)]
    report.values["message"] = message
    report.show(
      "attacker → client: the client's own frame", sentFrame,
      fields: Demo2.FrameLayout.messageFrame(bodyCount: frame.count))
    // The server sent nothing, so whatever the client shows is false; the server never saw
    // the client's message.
    var observed = AttackOutcome.Observed()
    observed.add(sent: [], reads: reads)
    observed.add(sent: [message], reads: [])
    report.outcome = AttackOutcome(
      observed,
      ifSucceeded:
        "the client took its own words for the server's: one key serves both directions.",
      otherwise: "the client refused its own frame.")
  }

  func dropReorder(_ report: inout StageReport, _ serverKey: RSAPrivateKey) throws {
    let chat = try session(serverKey)
    defer { chat.path.close() }
    let messages = Self.orders
    try clientSends(messages, chat, &report)
    let frames = try messages.map { _ in try chat.path.interceptFromClient() }
    try chat.path.attackerToServer.send(frames[2])
    try chat.path.attackerToServer.send(frames[0])
    report.say(.attacker, "passed on message 3, then message 1; dropped message 2")
    let reads = [read(chat.server, by: .server, &report), read(chat.server, by: .server, &report)]
    report.values["first"] = messages[0]
    report.values["second"] = messages[1]
    report.values["third"] = messages[2]
    let observed = AttackOutcome.Observed(sent: messages, reads: reads)
    report.outcome = AttackOutcome(
      observed,
      ifSucceeded: "the server printed messages 3 and 1, in that order, with no sign of message 2.",
      otherwise: "the server noticed the missing or reordered frames.")
  }

  func manInTheMiddle(_ report: inout StageReport, _ serverKey: RSAPrivateKey) throws {
    let impostor = try RSAPrivateKey(context: context)
    let chat = try session(serverKey, impostor: impostor)
    defer { chat.path.close() }
    for actor in [StageActor.server, .client] {
      report.say(actor, ChatLines.demo2HandshakeComplete)
    }
    report.say(
      .attacker,
      "sent its own public key to the client, unwrapped the session key, wrapped it again for the server"
    )
    try clientSends([Self.message], chat, &report)
    let frame = try chat.path.interceptFromClient()
    let read = try AESGCM.open(AESGCM.SealedMessage(combined: frame), key: chat.sessionKey)
    let rewritten = Self.message.replacing("noon", with: "nine")
    let forged = try AESGCM.seal(
      Array(rewritten.utf8), key: chat.sessionKey, nonce: AESGCM.Nonce.random(context: context))
    let sentFrame = try chat.path.attackerToServer.send(forged.combined)
    report.say(.attacker, "read: \(ChatText.displayable(read)); sent instead: \(rewritten)")
    let reads = [self.read(chat.server, by: .server, &report)]
    report.values["session_key"] = ValueText.hex(chat.sessionKey.bytes)
    report.values["message"] = Self.message
    report.values["rewritten"] = rewritten
    report.show("attacker: the session key it unwrapped", chat.sessionKey.bytes)
    report.show(
      "attacker → server: the rewritten message, sealed with the stolen key", sentFrame,
      fields: Demo2.FrameLayout.messageFrame(bodyCount: forged.combined.count))
    let observed = AttackOutcome.Observed(
      sent: [Self.message], reads: reads, learnedSecret: read == Array(Self.message.utf8))
    report.outcome = AttackOutcome(
      observed,
      summary: observed.acceptedFalse && observed.learnedSecret
        ? "both sides completed the handshake; the attacker read the message and the server printed the rewritten one."
        : "the handshake or the forgery failed.")
  }

  func nonceReuse(_ report: inout StageReport, _ serverKey: RSAPrivateKey) throws {
    let nonce = try AESGCM.Nonce.random(context: context)
    let chat = try session(serverKey, repeating: nonce)
    defer { chat.path.close() }
    let known = Self.message
    let secret = "The door code is 4172, come in."
    try clientSends([known, secret], chat, &report)
    let first = try AESGCM.SealedMessage(combined: chat.path.relayToServer())
    let second = try AESGCM.SealedMessage(combined: chat.path.relayToServer())
    let reads = [read(chat.server, by: .server, &report), read(chat.server, by: .server, &report)]
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
    let observed = AttackOutcome.Observed(
      sent: [known, secret], reads: reads, learnedSecret: recovered == Array(secret.utf8))
    report.outcome = AttackOutcome(
      observed,
      ifSucceeded:
        "knowing one message, the attacker recovered the other without the key; the victims noticed nothing.",
      otherwise: "the XOR did not reveal the second message.")
  }

  func oversizedLength(_ report: inout StageReport, _ serverKey: RSAPrivateKey) throws {
    let chat = try session(serverKey)
    defer { chat.path.close() }
    let header = FrameTampering.oversizedLengthPrefix
    try chat.path.attackerToServer.connection.writeAll(header)
    report.say(
      .attacker, "sent a length prefix of ff ff ff ff (4 GiB minus 1 byte) and nothing else")
    report.show(
      "attacker → server: a frame header announcing 4,294,967,295 bytes", header,
      fields: [FrameField.lengthPrefix(bodyCount: Int(UInt32.max))])
    let reads = [read(chat.server, by: .server, &report)]
    report.values["limit"] = String(chat.path.server.maximumBodySize)
    report.values["server_error"] = reads.compactMap(\.failure).first ?? "none"
    let observed = AttackOutcome.Observed(sent: [], reads: reads)
    report.outcome = AttackOutcome(
      observed,
      summary: reads.contains(where: \.refusedAsTooLarge)
        ? "learnchat refused the length before allocating anything and hung up; the original would have tried to read 4 GiB."
        : "the server did not refuse the length.")
  }
}

extension VictimRead {
  /// The error's one line, as the chat printed it, when the read ended the connection.
  var failure: String? {
    if case .ended(let error) = self { return ReceiveFailure.describe(error) }
    return nil
  }

  /// Whether the read refused a length over the limit before reading its body.
  var refusedAsTooLarge: Bool {
    if case .ended(let error) = self, case .frameTooLarge = error as? WireError { return true }
    return false
  }
}
