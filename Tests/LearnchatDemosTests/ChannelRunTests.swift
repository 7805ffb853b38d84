import LearnchatCrypto
import LearnchatDemos
import LearnchatTestSupport
import LearnchatWire
import Testing

/// Messages in runs: a batch sealed in place and sent with one write, and a receive loop that
/// lends each message from reused buffers. The benchmarks' transport, and any sender or
/// receiver with many messages.
@Suite struct ChannelRunTests {
  static let texts = ["hello", "Grüße 👋", "", String(repeating: "long ", count: 300)]

  @Test func demo2BatchArrivesInOrderAsOneWrite() throws {
    let pair = try SecurePair()
    defer { pair.close() }
    let tap = WireTap()
    pair.client.framed.connection.tap = tap
    try pair.client.send(contentsOf: Self.texts)
    #expect(tap.records.filter { $0.direction == .sent }.count == 1)

    var received: [String] = []
    var frames: [[UInt8]] = []
    let stopped = try pair.server.receiveMessages { plaintext, frame in
      guard case .success(let bytes) = plaintext else { return false }
      received.append(String(decoding: bytes.bytes, as: UTF8.self))
      frames.append(frame.bytes)
      return received.count < Self.texts.count
    }
    #expect(stopped)
    #expect(received == Self.texts)
    // Each frame is lent whole, as it arrived: the bytes the one write sent, in order.
    #expect(tap.sentBytes == frames.flatMap { $0 })
    // Each is demo 2's own: length, then nonce, ciphertext, tag, opening under the key alone.
    let bodies = frames.map { Array($0.dropFirst(FrameDecoder.headerSize)) }
    for (frame, body) in zip(frames, bodies) {
      #expect(FrameDecoder.parseLength(frame).map(Int.init) == body.count)
    }
    for (body, text) in zip(bodies, Self.texts) {
      #expect(
        try AESGCM.open(AESGCM.SealedMessage(combined: body), key: pair.key) == Array(text.utf8))
    }
    #expect(Set(bodies.map { $0.prefix(AESGCM.nonceByteCount) }).count == Self.texts.count)
  }

  @Test func theFramesShownAreTheBytesThatCrossedTheSocket() throws {
    let pair = try SecurePair()
    defer { pair.close() }
    let tap = WireTap()
    pair.client.framed.connection.tap = tap
    let sent = try pair.client.send("shown as sent")
    #expect(sent.frame == tap.sentBytes)
    let received = try #require(try pair.server.receive())
    #expect(received.frame == tap.sentBytes)
    #expect(received.text == "shown as sent")
  }

  @Test func demo2LoopLendsAFailureAndGoesOn() throws {
    let pair = try SecurePair()
    defer { pair.close() }
    try pair.client.send("before")
    try pair.client.framed.send([UInt8](repeating: 0xEE, count: 40))
    try pair.client.send("after")
    var seen: [Result<String, CryptoError>] = []
    _ = try pair.server.receiveMessages { plaintext, _ in
      switch plaintext {
      case .success(let bytes): seen.append(.success(String(decoding: bytes.bytes, as: UTF8.self)))
      case .failure(let error): seen.append(.failure(error))
      }
      return seen.count < 3
    }
    #expect(seen == [.success("before"), .failure(.authenticationFailed), .success("after")])
  }

  @Test func demo2LoopReusesOnePlaintextBuffer() throws {
    let pair = try SecurePair()
    defer { pair.close() }
    try pair.client.send(contentsOf: ["same size 1", "same size 2", "same size 3"])
    var storage: [UnsafeRawPointer] = []
    _ = try pair.server.receiveMessages { plaintext, _ in
      guard case .success(let bytes) = plaintext else { return false }
      bytes.withUnsafeBytes { storage.append(UnsafeRawPointer($0.baseAddress!)) }
      return storage.count < 3
    }
    #expect(storage.count == 3)
    #expect(Set(storage).count == 1)
  }

  @Test func demo3BatchIsTheSameFramesAsSendingOneByOne() throws {
    let chat = try Demo3ProtocolTests.handshake()
    defer { chat.pair.close() }
    let batchTap = WireTap()
    chat.client.framed.connection.tap = batchTap
    try chat.client.send(contentsOf: Self.texts)
    // Demo 3's nonces are the message numbers, so a second channel with the same keys sending
    // one by one writes the very same bytes.
    let twin = try FramedPair()
    defer { twin.close() }
    let oneByOne = try Demo3.Channel(
      framed: twin.client, keys: chat.clientSide.keys, role: .client)
    let singleTap = WireTap()
    twin.client.connection.tap = singleTap
    for text in Self.texts { try oneByOne.send(text) }
    #expect(batchTap.sentBytes == singleTap.sentBytes)
    #expect(batchTap.records.filter { $0.direction == .sent }.count == 1)

    var received: [(UInt64, String)] = []
    _ = try chat.server.receiveMessages { plaintext, _, sequence in
      received.append((sequence, String(decoding: plaintext.bytes, as: UTF8.self)))
      return received.count < Self.texts.count
    }
    #expect(received.map(\.0) == [0, 1, 2, 3])
    #expect(received.map(\.1) == Self.texts)
  }

  @Test func demo3NumbersRunOnAcrossSendsAndBatches() throws {
    let chat = try Demo3ProtocolTests.handshake()
    defer { chat.pair.close() }
    #expect(try chat.client.send("zero").sequence == 0)
    try chat.client.send(contentsOf: ["one", "two"])
    #expect(try chat.client.send("three").sequence == 3)
    var received: [(UInt64, String)] = []
    for _ in 0..<2 {
      let message = try #require(try chat.server.receive())
      received.append((message.sequence, String(decoding: message.plaintext, as: UTF8.self)))
    }
    _ = try chat.server.receiveMessages { plaintext, _, sequence in
      received.append((sequence, String(decoding: plaintext.bytes, as: UTF8.self)))
      return received.count < 4
    }
    #expect(received.map(\.0) == [0, 1, 2, 3])
    #expect(received.map(\.1) == ["zero", "one", "two", "three"])
  }

  @Test func demo3LoopRefusesAReplayAfterLendingTheOriginal() throws {
    let chat = try Demo3ProtocolTests.handshake()
    defer { chat.pair.close() }
    let frame = try chat.client.send("once").frame
    try chat.pair.client.connection.writeAll(frame)
    var lent: [UInt64] = []
    #expect(throws: Demo3.ProtocolError.messageRejected(sequence: 1)) {
      _ = try chat.server.receiveMessages { _, _, sequence in
        lent.append(sequence)
        return true
      }
    }
    #expect(lent == [0])
  }

  @Test func demo3LoopReusesOnePlaintextBuffer() throws {
    let chat = try Demo3ProtocolTests.handshake()
    defer { chat.pair.close() }
    try chat.client.send(contentsOf: ["same size 1", "same size 2", "same size 3"])
    var storage: [UnsafeRawPointer] = []
    _ = try chat.server.receiveMessages { plaintext, _, _ in
      plaintext.withUnsafeBytes { storage.append(UnsafeRawPointer($0.baseAddress!)) }
      return storage.count < 3
    }
    #expect(storage.count == 3)
    #expect(Set(storage).count == 1)
  }
}

extension Span<UInt8> {
  /// The span's bytes, copied.
  fileprivate var bytes: [UInt8] { withUnsafeBufferPointer { Array($0) } }
}
