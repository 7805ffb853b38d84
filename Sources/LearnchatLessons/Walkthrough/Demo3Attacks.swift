import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Lesson 3's attacks again, against demo 3. Each verdict comes from what the victims' reads
/// gave, decided exactly as in lesson 3 (``AttackOutcome``).
struct Demo3Attacks {
  let taps: PeerTaps
  let context: CryptoContext
  let identity: Ed25519.PrivateKey

  /// The drop and reorder attack's messages. Unlike lesson 3's they carry no number of their
  /// own: the lesson numbers them as demo 3 does, from 0.
  static let orders = ["Buy the tickets.", "Do NOT sell the house.", "Sell the house."]

  private func session() throws -> Demo3Session {
    try Demo3Session(path: AttackPath(taps: taps), identity: identity, context: context)
  }

  /// `actor`'s next read on `channel`, printed as the chat prints it. Demo 3 never reads on
  /// after a frame that fails: the error ends the connection.
  private func read(
    _ channel: Demo3.Channel, by actor: StageActor, _ report: inout StageReport
  ) -> VictimRead {
    do {
      guard let received = try channel.receive() else {
        report.say(actor, ChatLines.peerDisconnected)
        return .closed
      }
      let text = ChatText.displayable(received.plaintext)
      report.say(actor, ChatLines.peer(text))
      return .shown(text)
    } catch {
      report.say(actor, ChatLines.failure(ReceiveFailure.describe(error)))
      return .ended(error)
    }
  }

  /// The client sends `texts`, as the chat would; returns what it wrote.
  @discardableResult
  private func clientSends(_ texts: [String], _ chat: Demo3Session, _ report: inout StageReport)
    throws -> [Demo3.Channel.SentMessage]
  {
    try texts.map { text in
      let sent = try chat.client.send(text)
      report.say(.client, ChatLines.sent(text))
      return sent
    }
  }

  /// Sets the verdict from `observed`, and the error the server ended with.
  private func judge(
    _ report: inout StageReport, sent: [String], reads: [VictimRead], summary: String
  ) {
    let observed = AttackOutcome.Observed(sent: sent, reads: reads)
    report.values["server_error"] = reads.compactMap(\.failure).first ?? "none"
    report.outcome = AttackOutcome(
      observed, ifSucceeded: "the server accepted a false message.", otherwise: summary)
  }

  func tamperBit(_ report: inout StageReport) throws {
    let chat = try session()
    defer { chat.path.close() }
    try clientSends([Demo2Attacks.message], chat, &report)
    guard
      let flip = FrameTampering.flipFirstCiphertextBit(
        try chat.path.interceptFromClient(), demo: .demo3)
    else { throw WalkthroughError.wireMismatch(stage: report.stage.id) }
    let frame = try chat.path.attackerToServer.send(flip.body)
    report.say(.attacker, "flipped the lowest bit of ciphertext byte 0")
    report.show(
      "attacker → server: the frame with one bit changed", frame,
      fields: Demo3.FrameLayout.messageFrame(bodyCount: flip.body.count))
    judge(
      &report, sent: [Demo2Attacks.message], reads: [read(chat.server, by: .server, &report)],
      summary: "the tag did not match; the server showed no text and hung up.")
  }

  func tamperLength(_ report: inout StageReport) throws {
    let chat = try session()
    defer { chat.path.close() }
    let sent = [Demo2Attacks.message, Demo2Attacks.secondMessage]
    try clientSends(sent, chat, &report)
    let forgery = try chat.path.forgeLengthOfNextFrame()
    report.say(
      .attacker,
      "changed the length \(ValueText.hex(forgery.originalPrefix)) → "
        + ValueText.hex(forgery.changedPrefix))
    forgery.record(in: &report)
    judge(
      &report, sent: sent, reads: [read(chat.server, by: .server, &report)],
      summary:
        "the length is authenticated: the first frame failed at once, and the server hung up.")
  }

  func replay(_ report: inout StageReport) throws {
    let chat = try session()
    defer { chat.path.close() }
    let message = "Please transfer 100 euros to Bob."
    try clientSends([message], chat, &report)
    let recorded = try chat.path.relayToServer()
    var reads = [read(chat.server, by: .server, &report)]
    try chat.path.attackerToServer.send(recorded)
    report.say(.attacker, "sent the recorded frame again")
    reads.append(read(chat.server, by: .server, &report))
    report.values["message"] = message
    judge(
      &report, sent: [message], reads: reads,
      summary:
        "the server took message 0 once, then opened the copy as message 1 with nonce 1; it did not authenticate, and the server hung up."
    )
  }

  func reflection(_ report: inout StageReport) throws {
    let chat = try session()
    defer { chat.path.close() }
    let message = "I am outside, open the door."
    try clientSends([message], chat, &report)
    let frame = try chat.path.interceptFromClient()
    try chat.path.attackerToClient.send(frame)
    report.say(.attacker, "sent the client's frame back to the client")
    let reads = [read(chat.client, by: .client, &report)]
    report.values["message"] = message
    report.values["client_error"] = reads.compactMap(\.failure).first ?? "none"
    // The server sent nothing, so anything the client shows is false; and the server never
    // got the client's message.
    var observed = AttackOutcome.Observed()
    observed.add(sent: [], reads: reads)
    observed.add(sent: [message], reads: [])
    report.outcome = AttackOutcome(
      observed, ifSucceeded: "the client accepted its own frame.",
      otherwise:
        "the client opened its own frame with the server-to-client key; it did not authenticate, and the client hung up."
    )
  }

  func dropReorder(_ report: inout StageReport) throws {
    let messages = Self.orders
    var observed = AttackOutcome.Observed()
    var errors: [String] = []
    // First try: reorder, message 1 before message 0. Second try: drop message 1. Each on its
    // own connection, since demo 3 hangs up at the first frame out of turn. The attacker
    // passes one frame at a time and the server reads it, so nothing is left unread when the
    // server hangs up; in the first try message 0, held back to go second, is never sent.
    let tries = [
      (passed: [1], line: "try 1, reorder: passed on message 1 first, holding message 0 back"),
      (
        passed: [0, 2],
        line: "try 2, drop: passed on message 0, dropped message 1, passed on message 2"
      ),
    ]
    for attempt in tries {
      let chat = try session()
      defer { chat.path.close() }
      try clientSends(messages, chat, &report)
      let frames = try messages.map { _ in try chat.path.interceptFromClient() }
      report.say(.attacker, attempt.line)
      var reads: [VictimRead] = []
      for number in attempt.passed {
        try chat.path.attackerToServer.send(frames[number])
        reads.append(read(chat.server, by: .server, &report))
        if reads[reads.count - 1].endsConnection { break }
      }
      observed.add(sent: messages, reads: reads)
      errors += reads.compactMap(\.failure)
    }
    for (index, message) in messages.enumerated() {
      report.values["message_\(index)"] = message
    }
    report.values["reorder_error"] = errors.first ?? "none"
    report.values["drop_error"] = errors.dropFirst().first ?? "none"
    report.outcome = AttackOutcome(
      observed, ifSucceeded: "the server accepted messages out of their order.",
      otherwise:
        "the server refused message 1 where message 0 belonged, and message 2 where message 1 belonged, and hung up both times."
    )
  }

  func manInTheMiddle(_ report: inout StageReport) throws {
    let impostor = try Ed25519.PrivateKey(context: context)
    let fingerprint = try Demo3.fingerprint(of: identity.publicKey)
    let impostorFingerprint = try Demo3.fingerprint(of: impostor.publicKey)
    report.values["fingerprint"] = fingerprint
    report.values["impostor_fingerprint"] = impostorFingerprint

    // First try: the attacker answers with its own identity.
    let clientError = try impersonate(&report) { path, clientHello in
      let fake = Demo3.ServerHandshake(
        framed: path.attackerToClient, identity: impostor, context: context)
      _ = try fake.sendServerHello(clientHello: clientHello)
      return "try 1: answered the ClientHello itself, signed with its own identity key"
    }
    report.values["client_error"] = clientError ?? "none"

    // Second try: it keeps the real identity but swaps in its own ephemeral key.
    let signatureError = try impersonate(&report) { path, clientHello in
      let real = Demo3.ServerHandshake(framed: path.server, identity: identity, context: context)
      try path.attackerToServer.send(clientHello)
      _ = try real.sendServerHello(clientHello: real.receiveClientHello())
      var serverHello = try path.interceptFromServer()
      let own = try X25519.PrivateKey(context: context)
      let ephemeral = Ed25519.keyByteCount..<(Ed25519.keyByteCount + X25519.byteCount)
      serverHello.replaceSubrange(ephemeral, with: own.publicKey.rawRepresentation)
      try path.attackerToClient.send(serverHello)
      return "try 2: passed on the real ServerHello with its own ephemeral key in it"
    }
    report.values["signature_error"] = signatureError ?? "none"

    let observed = AttackOutcome.Observed(
      acceptedFalse: clientError == nil || signatureError == nil, connectionEnded: true)
    report.outcome = AttackOutcome(
      observed, ifSucceeded: "the client accepted an impostor.",
      otherwise:
        "the client refused both handshakes: another identity breaks the pin, a swapped key breaks the signature."
    )
  }

  /// Runs a handshake where `answer` plays the server and says what it did; returns the
  /// client's refusal, if any.
  private func impersonate(
    _ report: inout StageReport, answer: (AttackPath, [UInt8]) throws -> String
  ) throws -> String? {
    let path = try AttackPath(taps: taps)
    defer { path.close() }
    let client = Demo3.ClientHandshake(
      framed: path.client, context: context, trust: Demo3Trust.pinned(identity.publicKey))
    let ephemeral = try client.sendClientHello()
    report.say(.attacker, try answer(path, path.interceptFromClient()))
    do {
      _ = try client.receiveServerHello(ephemeral: ephemeral)
      report.say(.client, ChatLines.demo3HandshakeComplete)
      return nil
    } catch {
      let reason = ReceiveFailure.describe(error)
      report.say(.client, ChatLines.failure(reason))
      return reason
    }
  }

  func nonceReuse(_ report: inout StageReport) throws {
    let chat = try session()
    defer { chat.path.close() }
    let texts = [Demo2Attacks.message, Demo2Attacks.message]
    let sent = try clientSends(texts, chat, &report)
    try chat.path.relayToServer()
    try chat.path.relayToServer()
    let reads = [read(chat.server, by: .server, &report), read(chat.server, by: .server, &report)]
    let (first, second) = (sent[0].frame, sent[1].frame)
    let header = FrameDecoder.headerSize
    let xor = zip(first.dropFirst(header), second.dropFirst(header)).map { $0 ^ $1 }
    report.say(.attacker, "the same text twice, under nonces 0 and 1: different ciphertexts")
    report.values["nonce_0"] = ValueText.hex(try Demo3.Channel.nonce(sequence: 0).bytes)
    report.values["nonce_1"] = ValueText.hex(try Demo3.Channel.nonce(sequence: 1).bytes)
    report.show(
      "message 0 on the wire", first,
      fields: Demo3.FrameLayout.messageFrame(bodyCount: first.count - header))
    report.show(
      "message 1 on the wire, the same text", second,
      fields: Demo3.FrameLayout.messageFrame(bodyCount: second.count - header))
    // Under a repeated nonce the same text gives the same ciphertext: the XOR would be all
    // zeros, and the attacker would learn that the message was sent twice.
    let observed = AttackOutcome.Observed(
      sent: texts, reads: reads, learnedSecret: xor.allSatisfy { $0 == 0 })
    report.outcome = AttackOutcome(
      observed, ifSucceeded: "two frames repeated a nonce.",
      otherwise:
        "each message had its own nonce, so the two ciphertexts are unrelated; the chat went on.")
  }

  func oversizedLength(_ report: inout StageReport) throws {
    let chat = try session()
    defer { chat.path.close() }
    try chat.path.attackerToServer.connection.writeAll(FrameTampering.oversizedLengthPrefix)
    report.say(.attacker, "sent a length prefix of ff ff ff ff")
    let reads = [read(chat.server, by: .server, &report)]
    judge(
      &report, sent: [], reads: reads,
      summary: reads.contains(where: \.refusedAsTooLarge)
        ? "refused before allocating anything, as in demo 2, and the server hung up."
        : "the server did not refuse the length.")
  }
}
