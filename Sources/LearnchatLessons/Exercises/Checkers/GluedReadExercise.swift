import LearnchatDemos
import LearnchatWire

/// Exercise: one of demo 1's reads held several messages; how many, and where does each end?
struct GluedReadExercise: TextAnswerChecker {
  static let name = "glued-read"
  static let placeholders: [String] = []

  let material: ExerciseMaterial
  /// The lengths of the messages that arrived in one read.
  private let lengths: [Int]
  /// How many bytes the connection carried before that read.
  private let before: Int

  /// Where each message ends in the read: the lengths added up.
  private var ends: [Int] { lengths.indices.map { lengths[...$0].reduce(0, +) } }

  init(seed: ExerciseSeed) throws {
    var choices = seed.choices("chat")
    let count = choices.number(in: 3...5)
    var texts: [String] = []
    while texts.count < count {
      let text = Phrases.sentence(&choices)
      if !texts.contains(text) { texts.append(text) }
    }
    let greeting = "Hello, are you there?"
    let recorder = ExerciseRecorder.forMaterial(&choices)
    let pair = try recorder.loopbackPair(
      1, client: .loopback(UInt16(choices.number(in: 40_000...60_000))),
      server: .loopback(5002), captured: .client, tapped: [.client, .server])
    let client = Demo1.Peer(connection: pair.client)
    let server = Demo1.Peer(connection: pair.server)
    _ = try client.send(greeting)
    _ = try server.receive()
    _ = try server.send("Yes, go on.")
    _ = try client.receive()
    // All the sends finish before the server reads, as when someone types fast: the stream
    // keeps no boundary between them, and one read returns them all (lesson 1, two-sends).
    for text in texts { _ = try client.send(text) }
    // Nagle's algorithm may hold the later sends back until the first is acknowledged (a
    // delayed ACK, some tens of milliseconds): the kernel holds the read until every byte is
    // there, so that it returns them all, every run.
    try pair.server.setReadTimeout(5)
    try pair.server.setReceiveLowWatermark(texts.reduce(0) { $0 + $1.utf8.count })
    let glued = try server.receive() ?? []
    try pair.server.setReceiveLowWatermark(1)
    guard glued == Array(texts.joined().utf8) else {
      throw WalkthroughError.wireMismatch(stage: "exercise 2: one read did not hold every send")
    }
    _ = try client.send(ChatText.exitCommand)
    _ = try server.receive()
    pair.client.close()
    _ = try server.receive()
    pair.server.close()
    let lengths = texts.map(\.utf8.count)
    self.lengths = lengths
    before = greeting.utf8.count
    let ends = lengths.indices.map { lengths[...$0].reduce(0, +) }
    material = ExerciseMaterial(
      files: try recorder.files(
        exercise: seed.exercise, title: "A demo-1 chat, both ends' sends and recvs",
        note: "Every send and recv of the client's and the server's sockets, in order."),
      values: [:],
      answer: "\(count): " + ends.map(String.init).joined(separator: " "))
  }

  func check(answer text: String) throws -> CheckResult {
    var numbers = AnswerText.numbers(text)
    guard !numbers.isEmpty else {
      return .notYet(
        "Give the number of messages, then where each ends, such as `3: 12 32 45`.")
    }
    // "3: 12 32 45" or just "12 32 45".
    if numbers.count == numbers[0] + 1 { numbers.removeFirst() }
    if numbers == ends {
      return .right(
        "\(lengths.count) messages in one read, ending at \(ends.map(String.init).joined(separator: ", ")): "
          + "only the sends show where one stopped. TCP delivers a stream of bytes, not messages.")
    }
    if numbers.count != lengths.count {
      return .notYet(
        "That read did not hold \(numbers.count) messages: compare the client's sends with the "
          + "server's recv that returned several at once.")
    }
    if numbers == lengths {
      return .notYet(
        "Those are the messages' lengths. Where each ends is counted from the start of the "
          + "read: the lengths added up.")
    }
    if numbers == ends.map({ $0 - 1 }) {
      return .notYet(
        "Those are the offsets of each message's last byte, counted from 0. Give where each "
          + "ends: how many bytes of the read come up to and including its last byte.")
    }
    if numbers == ends.map({ $0 + before }) {
      return .notYet(
        "Those count from the start of the connection. Count from the start of the read that "
          + "held the messages.")
    }
    return .notYet(
      "The number of messages is right, but not where they end. Line up each send of the "
        + "client with the bytes of the server's recv.")
  }
}
