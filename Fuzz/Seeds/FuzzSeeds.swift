// Writes the seed corpora in Fuzz/corpus/<target>/ from real frames, keys and lesson files.
//
//   swift run FuzzSeeds [OUTPUT_DIR]   (default: Fuzz/corpus)
//
// The demo-2 and demo-3 frames come from real handshakes and channels over a loopback
// connection, with the fixed keys of Fuzz/Core/FuzzFixtures.swift (so the fuzz targets can
// unwrap and open them) and a seeded random source (so the output is the same every time).
import Foundation
import LearnchatCrypto
import LearnchatDemos
import LearnchatFuzzCore
import LearnchatWire

@main enum FuzzSeeds {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func main() throws {
    let output =
      CommandLine.arguments.dropFirst().first.map { URL(fileURLWithPath: $0) }
      ?? root.appendingPathComponent("Fuzz/corpus")
    let random = try CryptoContext.seeded("learnchat fuzz seeds")
    let demo2 = try Demo2Session(random: random)
    let demo3 = try Demo3Session(random: random)
    let keys = try KeySeeds(random: random)

    var corpora: [String: [(String, [UInt8])]] = [:]
    corpora[FuzzTarget.demo2Server.name] = demo2.serverSeeds
    corpora[FuzzTarget.demo2Client.name] = demo2.clientSeeds + keys.publicKeyFrames
    corpora[FuzzTarget.demo3Server.name] = demo3.serverSeeds
    corpora[FuzzTarget.demo3Client.name] = demo3.clientSeeds
    corpora[FuzzTarget.frameDecoder.name] = frameDecoderSeeds(demo2: demo2, demo3: demo3)
    corpora[FuzzTarget.publicKey.name] = keys.files
    corpora[FuzzTarget.lesson.name] = try lessonSeeds()

    for target in FuzzTarget.all {
      let folder = output.appendingPathComponent(target.name)
      try? FileManager.default.removeItem(at: folder)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let seeds = corpora[target.name] ?? []
      for (name, bytes) in seeds {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
      }
      print("\(target.name): \(seeds.count) seeds")
    }
  }

  /// Each stream prefixed with a byte choosing its read splits (see FrameDecoderFuzz).
  static func frameDecoderSeeds(demo2: Demo2Session, demo3: Demo3Session) -> [(String, [UInt8])] {
    let tiny = (0..<1_500).flatMap { frame([UInt8($0 % 256)]) }
    var seeds: [(String, [UInt8])] = [
      ("empty", [0]),
      ("empty-frame", [1] + frame([])),
      ("too-large", [2] + [0xff, 0xff, 0xff, 0xff, 1, 2, 3]),
      ("limit-plus-one", [3] + [0, 0, 0x10, 0x01] + [UInt8](repeating: 0x61, count: 64)),
      ("partial-header", [4] + [0, 0, 1]),
      ("many-tiny-frames", [5] + tiny),
      ("at-limit", [7] + frame([UInt8](repeating: 0x62, count: 4_096))),
    ]
    for (split, (name, stream)) in [
      (UInt8(0), ("demo2-client", demo2.clientStream)), (6, ("demo2-server", demo2.serverStream)),
      (7, ("demo3-client", demo3.clientStream)), (2, ("demo3-server", demo3.serverStream)),
    ] {
      seeds.append((name, [split] + stream))
    }
    seeds.append(("demo2-truncated", [1] + demo2.serverStream.dropLast(5)))
    return seeds
  }

  /// A few hostile texts, and the Markdown fixture at a narrow width in colour. The lesson and
  /// exercise files and the test fixtures are seeds where they are (Fuzz/seed-folders/).
  static func lessonSeeds() throws -> [(String, [UInt8])] {
    var seeds: [(String, [UInt8])] = []
    let rendering = [UInt8](
      try Data(
        contentsOf: root.appendingPathComponent(
          "Tests/LearnchatLessonsTests/Fixtures/markdown/rendering.md")))
    // Its first byte sets the width: "\n" gives 11 columns; a last byte with bit 0 set, colour.
    seeds.append(("rendering-narrow-color.md", Array("\n".utf8) + rendering + Array("1".utf8)))
    seeds.append(("deep-nesting.md", Array((String(repeating: "> - ", count: 60) + "x\n").utf8)))
    seeds.append(
      (
        "nul-and-invalid-utf8.md",
        Array("# T\u{0}\n\n<!-- demo: plaintext -->\n".utf8) + [0xff, 0xc3, 0x28]
      ))
    seeds.append(
      (
        "long-line.md",
        Array(("# Long\n\n" + String(repeating: "word ", count: 2_000) + "\n").utf8)
      ))
    seeds.append(
      (
        "table-and-code.md",
        Array(
          "|a|b|\n|-|-|\n|1|2|\n\n```\n\tcode \u{1b}[31m\n```\n\n1. one\n   * two\n\n---\n".utf8)
      ))
    return seeds
  }
}

/// A frame: 4-byte big-endian length, then the body.
func frame(_ body: [UInt8]) -> [UInt8] {
  do {
    return try FrameEncoder.encode(body)
  } catch {
    fatalError("cannot frame \(body.count) bytes: \(error)")
  }
}

/// One demo-2 conversation with the fixed server key and session key, run by the real
/// handshake and channel code over a loopback connection.
struct Demo2Session {
  /// Frames as the client sent them: wrapped key, messages.
  let clientFrames: [[UInt8]]
  /// Frames as the server sent them: public key, messages.
  let serverFrames: [[UInt8]]

  var clientStream: [UInt8] { clientFrames.flatMap { $0 } }
  var serverStream: [UInt8] { serverFrames.flatMap { $0 } }

  init(random: CryptoContext) throws {
    let (serverEnd, clientEnd) = try makeLoopbackPair()
    defer {
      serverEnd.close()
      clientEnd.close()
    }
    let serverFramed = FramedChannel(connection: serverEnd)
    let clientFramed = FramedChannel(connection: clientEnd)
    let server = Demo2.ServerHandshake(key: FuzzFixtures.serverKey, framed: serverFramed)
    let client = Demo2.ClientHandshake(framed: clientFramed, context: random)
    let publicKey = try server.sendPublicKey()
    let serverKey = try client.receivePublicKey()
    let sent = try client.send(sessionKey: FuzzFixtures.sessionKey, to: serverKey.key)
    let received = try server.receiveSessionKey()
    precondition(received.sessionKey.bytes == FuzzFixtures.sessionKeyBytes)

    let serverChannel = try Demo2.Channel(
      framed: serverFramed, key: received.sessionKey, context: random)
    let clientChannel = try Demo2.Channel(
      framed: clientFramed, key: sent.sessionKey, context: random)
    var clientFrames = [frame(sent.wrappedKey)]
    var serverFrames = [frame(publicKey)]
    for text in ["Hello, server!", "héllo \u{1b}[2J ✓", ""] {
      clientFrames.append(try clientChannel.send(text).frame)
      _ = try serverChannel.receive()
    }
    for text in ["Hello, client!", "\u{7}\u{0}🙂"] {
      serverFrames.append(try serverChannel.send(text).frame)
      _ = try clientChannel.receive()
    }
    clientFrames.append(try clientChannel.send(ChatText.exitCommand).frame)
    self.clientFrames = clientFrames
    self.serverFrames = serverFrames
  }

  /// What the server may receive: the client's frames, whole and spoiled.
  var serverSeeds: [(String, [UInt8])] {
    let wrapped = clientFrames[0]
    var flipped = clientStream
    flipped[wrapped.count + 20] ^= 0x01
    var seeds: [(String, [UInt8])] = [
      ("empty", []),
      ("wrapped-key", wrapped),
      ("conversation", clientStream),
      ("message-bit-flipped", flipped),
      ("short-message", wrapped + frame([1, 2, 3])),
      ("truncated-message", Array(clientStream.dropLast(3))),
      ("too-large", wrapped + [0xff, 0xff, 0xff, 0xff]),
      ("wrapped-key-short", frame(Array(wrapped.dropFirst(4).dropLast()))),
    ]
    seeds.append(("replayed", wrapped + clientFrames[1] + clientFrames[1]))
    return seeds
  }

  /// What the client may receive: the server's frames, whole and spoiled.
  var clientSeeds: [(String, [UInt8])] {
    let publicKey = serverFrames[0]
    var badPEM = publicKey
    badPEM[100] = UInt8(ascii: "!")
    return [
      ("empty", []),
      ("public-key", publicKey),
      ("conversation", serverStream),
      ("public-key-corrupted", badPEM + Array(serverFrames[1])),
      ("truncated-public-key", Array(publicKey.dropLast(10))),
      ("reflected-wrapped-key", publicKey + clientFrames[0]),
    ]
  }
}

/// One demo-3 conversation: the fixed identity, the client's fixed ephemeral key.
struct Demo3Session {
  let clientFrames: [[UInt8]]
  let serverFrames: [[UInt8]]

  var clientStream: [UInt8] { clientFrames.flatMap { $0 } }
  var serverStream: [UInt8] { serverFrames.flatMap { $0 } }

  init(random: CryptoContext) throws {
    let (serverEnd, clientEnd) = try makeLoopbackPair()
    defer {
      serverEnd.close()
      clientEnd.close()
    }
    let serverFramed = FramedChannel(connection: serverEnd)
    let clientFramed = FramedChannel(connection: clientEnd)
    let ephemeral = FuzzFixtures.demo3ClientEphemeral
    let client = Demo3.ClientHandshake(framed: clientFramed, context: random) { _ in }
    let server = Demo3.ServerHandshake(
      framed: serverFramed, identity: FuzzFixtures.demo3Identity, context: random)
    let clientHello = ephemeral.publicKey.rawRepresentation
    try clientFramed.send(clientHello)
    let serverDone = try server.sendServerHello(clientHello: server.receiveClientHello())
    let clientDone = try client.receiveServerHello(ephemeral: ephemeral)
    let serverChannel = try Demo3.Channel(
      framed: serverFramed, keys: serverDone.keys, role: .server)
    let clientChannel = try Demo3.Channel(
      framed: clientFramed, keys: clientDone.keys, role: .client)
    var clientFrames = [frame(clientHello)]
    var serverFrames = [frame(clientDone.serverHello)]
    for text in ["Hello, server!", "second \u{1b}[2J", ""] {
      clientFrames.append(try clientChannel.send(text).frame)
      _ = try serverChannel.receive()
    }
    for text in ["Hello, client!", "\u{7}\u{0}🙂", "third"] {
      serverFrames.append(try serverChannel.send(text).frame)
      _ = try clientChannel.receive()
    }
    self.clientFrames = clientFrames
    self.serverFrames = serverFrames
  }

  var serverSeeds: [(String, [UInt8])] {
    [
      ("empty", []),
      ("client-hello", clientFrames[0]),
      ("conversation", clientStream),
      ("low-order-client-hello", frame([UInt8](repeating: 0, count: 32))),
      ("short-client-hello", frame([UInt8](repeating: 9, count: 31))),
    ]
  }

  var clientSeeds: [(String, [UInt8])] {
    let hello = serverFrames[0]
    var badSignature = hello
    badSignature[hello.count - 1] ^= 0x80
    return [
      ("empty", []),
      ("server-hello", hello),
      ("conversation", serverStream),
      ("bad-signature", badSignature + serverFrames[1]),
      ("reordered", hello + serverFrames[2] + serverFrames[1]),
      ("reflected", hello + clientFrames[1]),
    ]
  }
}

/// Keys in the formats learnchat imports, and some it must refuse.
struct KeySeeds {
  let files: [(String, [UInt8])]
  /// Other keys as a demo-2 server's first frame.
  let publicKeyFrames: [(String, [UInt8])]

  init(random: CryptoContext) throws {
    let rsa = FuzzFixtures.serverKey
    let small = try RSAPrivateKey.unsafeGenerating(bits: 1_024, context: random)
    let identity = FuzzFixtures.demo3Identity
    let rsaPEM = try rsa.publicKey.pem()
    let ed25519PEM = try identity.publicKey.pem()
    // X25519 SubjectPublicKeyInfo: SEQUENCE { SEQUENCE { OID 1.3.101.110 }, BIT STRING }.
    let x25519DER =
      [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00]
      + FuzzFixtures.demo3ClientEphemeral.publicKey.rawRepresentation
    let x25519PEM = Array(
      ("-----BEGIN PUBLIC KEY-----\n" + Data(x25519DER).base64EncodedString() + "\n"
        + "-----END PUBLIC KEY-----\n").utf8)
    let crlf = Array(
      String(decoding: rsaPEM, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
    files = [
      ("rsa2048-public.pem", rsaPEM),
      ("rsa2048-public.der", try rsa.publicKey.der()),
      ("rsa2048-public-crlf.pem", crlf),
      ("rsa2048-public-truncated.pem", Array(rsaPEM.prefix(200))),
      ("rsa2048-private.pem", Array(FuzzFixtures.serverKeyPEM.utf8)),
      ("rsa1024-public.pem", try small.publicKey.pem()),
      ("rsa1024-public.der", try small.publicKey.der()),
      ("rsa1024-private.pem", try small.pem()),
      ("ed25519-public.pem", ed25519PEM),
      ("ed25519-private.pem", try identity.pem()),
      ("x25519-public.pem", x25519PEM),
      ("x25519-public.der", x25519DER),
    ]
    publicKeyFrames = [
      ("weak-rsa1024-key", frame(try small.publicKey.pem())),
      ("ed25519-key", frame(ed25519PEM)),
    ]
  }
}
