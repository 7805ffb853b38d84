import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Lesson 3's attacks again, against demo 3: each must fail, and the report says why.
struct Demo3Attacks {
  let taps: PeerTaps
  let context: CryptoContext
  let identity: Ed25519.PrivateKey

  private func session() throws -> Demo3Session {
    try Demo3Session(path: AttackPath(taps: taps), identity: identity, context: context)
  }

  /// The server's next read, as the chat would report it; the error's text when it refuses.
  private func serverReads(_ chat: Demo3Session, _ report: inout StageReport) -> String? {
    do {
      guard let received = try chat.server.receive() else {
        report.say(.server, "[Peer disconnected]")
        return "disconnected"
      }
      report.say(.server, "[Peer]: \(ChatText.displayable(received.plaintext))")
      return nil
    } catch {
      let reason = Self.describe(error)
      report.say(.server, "[!] \(reason)")
      return reason
    }
  }

  static func describe(_ error: any Error) -> String {
    error is Demo3Error ? "\(error)" : ChatSession.describe(error)
  }

  private func refused(_ report: inout StageReport, _ error: String?, _ why: String) {
    report.values["server_error"] = error ?? "none"
    report.outcome = AttackOutcome(
      verdict: error == nil ? .succeeded : .failed,
      summary: error == nil ? "the server accepted the frame." : why)
  }

  func tamperBit(_ report: inout StageReport) throws {
    let chat = try session()
    defer { chat.path.close() }
    try chat.client.send(Demo2Attacks.message)
    var body = try chat.path.interceptFromClient()
    body[0] ^= 0x01
    try chat.path.attackerToServer.send(body)
    report.say(.attacker, "flipped the lowest bit of ciphertext byte 0")
    refused(
      &report, serverReads(chat, &report),
      "the tag did not match; the server closed the connection.")
  }

  func tamperLength(_ report: inout StageReport) throws {
    let chat = try session()
    defer { chat.path.close() }
    try chat.client.send(Demo2Attacks.message)
    try chat.client.send("Bring the book.")
    let first = try chat.path.interceptFromClient()
    let second = try chat.path.interceptFromClient()
    let forged =
      try FrameEncoder.header(bodyCount: first.count + 1) + first + FrameEncoder.encode(second)
    try chat.path.attackerToServer.connection.writeAll(forged)
    report.say(.attacker, "added one to the length prefix")
    refused(
      &report, serverReads(chat, &report),
      "the length is authenticated data: the first frame failed at once, and the server closed the connection."
    )
  }

  func replay(_ report: inout StageReport) throws {
    let chat = try session()
    defer { chat.path.close() }
    try chat.client.send("Please transfer 100 euros to Bob.")
    let recorded = try chat.path.relayToServer()
    _ = serverReads(chat, &report)
    try chat.path.attackerToServer.send(recorded)
    report.say(.attacker, "sent the recorded frame again")
    refused(
      &report, serverReads(chat, &report),
      "the server expected message 1 and opened the frame with nonce 1: the copy of message 0 did not authenticate."
    )
  }

  func reflection(_ report: inout StageReport) throws {
    let chat = try session()
    defer { chat.path.close() }
    try chat.client.send("I am outside, open the door.")
    let frame = try chat.path.interceptFromClient()
    try chat.path.attackerToClient.send(frame)
    report.say(.attacker, "sent the client's frame back to the client")
    var clientError: String?
    do {
      let received = try chat.client.receive()
      report.say(.client, "[Peer]: \(ChatText.displayable(received?.plaintext ?? []))")
    } catch {
      clientError = Self.describe(error)
      report.say(.client, "[!] \(clientError ?? "")")
    }
    report.values["client_error"] = clientError ?? "none"
    report.outcome = AttackOutcome(
      verdict: clientError == nil ? .succeeded : .failed,
      summary: clientError == nil
        ? "the client accepted its own frame."
        : "the client opens with the server-to-client key; its own frame was sealed with the other key."
    )
  }

  func dropReorder(_ report: inout StageReport) throws {
    let chat = try session()
    defer { chat.path.close() }
    for message in ["1. Buy the tickets.", "2. Do NOT sell the house.", "3. Sell the house."] {
      try chat.client.send(message)
    }
    let frames = try (0..<3).map { _ in try chat.path.interceptFromClient() }
    try chat.path.attackerToServer.send(frames[2])
    report.say(.attacker, "passed on message 3 first, dropping 1 and 2")
    refused(
      &report, serverReads(chat, &report),
      "the server expected message 0; message 2's frame did not authenticate under nonce 0.")
  }

  func manInTheMiddle(_ report: inout StageReport) throws {
    let impostor = try Ed25519.PrivateKey(context: context)
    let fingerprint = try Demo3.fingerprint(of: identity.publicKey)
    let impostorFingerprint = try Demo3.fingerprint(of: impostor.publicKey)
    report.values["fingerprint"] = fingerprint
    report.values["impostor_fingerprint"] = impostorFingerprint

    // First try: the attacker answers with its own identity.
    let clientError = try impersonate(&report) { path, clientHello in
      let fake = Demo3ServerHandshake(
        framed: path.attackerToClient, identity: impostor, context: context)
      _ = try fake.sendServerHello(clientHello: clientHello)
    }
    report.values["client_error"] = clientError ?? "none"

    // Second try: it keeps the real identity but swaps in its own ephemeral key.
    let signatureError = try impersonate(&report) { path, clientHello in
      let real = Demo3ServerHandshake(framed: path.server, identity: identity, context: context)
      try path.attackerToServer.send(clientHello)
      _ = try real.sendServerHello(clientHello: real.receiveClientHello())
      var serverHello = try path.interceptFromServer()
      let own = try X25519.PrivateKey(context: context)
      serverHello.replaceSubrange(32..<64, with: own.publicKey.rawRepresentation)
      try path.attackerToClient.send(serverHello)
    }
    report.values["signature_error"] = signatureError ?? "none"

    let stopped = clientError != nil && signatureError != nil
    report.outcome = AttackOutcome(
      verdict: stopped ? .failed : .succeeded,
      summary: stopped
        ? "the client refused both: a different identity breaks the pin, a swapped key breaks the signature."
        : "the client accepted an impostor.")
  }

  /// Runs a handshake where `answer` plays the server; returns the client's refusal, if any.
  private func impersonate(
    _ report: inout StageReport, answer: (AttackPath, [UInt8]) throws -> Void
  ) throws -> String? {
    let path = try AttackPath(taps: taps)
    defer { path.close() }
    let client = Demo3ClientHandshake(
      framed: path.client, context: context, trust: Demo3Trust.pinned(identity.publicKey))
    let ephemeral = try client.sendClientHello()
    try answer(path, path.interceptFromClient())
    do {
      _ = try client.receiveServerHello(ephemeral: ephemeral)
      report.say(.client, "[*] Handshake complete")
      return nil
    } catch {
      let reason = Self.describe(error)
      report.say(.client, "[!] \(reason)")
      return reason
    }
  }

  func nonceReuse(_ report: inout StageReport) throws {
    let chat = try session()
    defer { chat.path.close() }
    let first = try chat.client.send(Demo2Attacks.message)
    let second = try chat.client.send(Demo2Attacks.message)
    try chat.path.relayToServer()
    try chat.path.relayToServer()
    _ = serverReads(chat, &report)
    _ = serverReads(chat, &report)
    report.say(.attacker, "the same text twice, under nonces 0 and 1: different ciphertexts")
    report.values["nonce_0"] = ValueText.hex(try SequencedChannel.nonce(sequence: 0).bytes)
    report.values["nonce_1"] = ValueText.hex(try SequencedChannel.nonce(sequence: 1).bytes)
    report.show(
      "message 0 on the wire", first.frame, fields: Demo3Layout.messageFrame(first.frame.count - 4))
    report.show(
      "message 1 on the wire, the same text", second.frame,
      fields: Demo3Layout.messageFrame(second.frame.count - 4))
    let differ = first.frame != second.frame
    report.outcome = AttackOutcome(
      verdict: differ ? .failed : .succeeded,
      summary: differ
        ? "the nonce is the message's number, so it never repeats under one key; the XOR of two ciphertexts reveals nothing."
        : "two frames repeated a nonce.")
  }

  func oversizedLength(_ report: inout StageReport) throws {
    let chat = try session()
    defer { chat.path.close() }
    try chat.path.attackerToServer.connection.writeAll([0xff, 0xff, 0xff, 0xff])
    report.say(.attacker, "sent a length prefix of ff ff ff ff")
    refused(
      &report, serverReads(chat, &report),
      "refused before allocating anything, as in demo 2: the bound is the receiver's, whatever the protocol."
    )
  }
}
