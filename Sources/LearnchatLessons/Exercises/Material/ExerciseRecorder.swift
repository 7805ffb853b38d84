import LearnchatWire

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Taps on the sockets of an exercise's chats, turned into the learner's `transcript.json` and
/// `chat.pcapng`: the bytes in both are the bytes that crossed the sockets.
///
/// All taps share one stepping clock and one record counter, so a chat run on one thread gives
/// the same times and the same order every run: the same seed, the same files. The addresses
/// are the story's, not the run's (the run uses ports the OS picks): each connection is given
/// fixed endpoints, with the server on the demos' port 5002, which Wireshark's learnchat
/// dissector decodes without being told.
final class ExerciseRecorder {
  /// Which end of a connection a socket is.
  enum End: String {
    /// The end that connected.
    case client
    /// The end that accepted.
    case server
  }

  private struct Tapped {
    let connection: TCPConnection
    let tap: WireTap
    let end: End
  }

  private struct Recorded {
    let number: Int
    let client: CaptureEndpoint
    let server: CaptureEndpoint
    /// The end whose view goes into the capture.
    let captured: End
    var sockets: [Tapped] = []
  }

  private let clock: SteppingWireClock
  private let sequence = WireTapSequence()
  private var connections: [Recorded] = []

  /// A recorder whose clock starts at `start`, one millisecond a reading.
  init(start: WireTimestamp) {
    clock = SteppingWireClock(start: start, stepNanoseconds: 1_000_000)
  }

  /// Declares connection `number` (from 1) between `client` and `server` as the story tells
  /// it; the capture shows it as `captured` saw it.
  func declare(_ number: Int, client: CaptureEndpoint, server: CaptureEndpoint, captured: End) {
    connections.append(Recorded(number: number, client: client, server: server, captured: captured))
  }

  /// Taps `connection`, which is the `end` end of connection `number`; from now on its reads
  /// and writes are recorded.
  func tap(_ connection: TCPConnection, as end: End, of number: Int) {
    guard let index = connections.firstIndex(where: { $0.number == number }) else {
      preconditionFailure("connection \(number) was not declared")
    }
    let tap = WireTap(clock: clock, keepsHistory: true, sequence: sequence)
    connection.tap = tap
    connections[index].sockets.append(Tapped(connection: connection, tap: tap, end: end))
  }

  /// The capture file of every connection, each as its captured end saw it.
  func capture() throws -> [UInt8] {
    let captured = try connections.compactMap { recorded -> CaptureConnection? in
      guard let socket = recorded.sockets.first(where: { $0.end == recorded.captured }) else {
        return nil
      }
      var connection = try CaptureConnection(
        connection: socket.connection, tap: socket.tap,
        tappedEnd: socket.end == .client ? .client : .server)
      connection.client = recorded.client
      connection.server = recorded.server
      return connection
    }
    return CaptureFile.bytes(captured)
  }

  /// The learner's two files of the recorded chats: the capture, called `capture`, and
  /// `transcript.json` (see ``transcript(exercise:title:note:)``).
  func files(capture: String = "chat.pcapng", exercise: Int, title: String, note: String)
    throws -> [Artifact]
  {
    [
      Artifact(fileName: capture, bytes: try self.capture()),
      Artifact(
        fileName: "transcript.json",
        bytes: try transcript(exercise: exercise, title: title, note: note)),
    ]
  }

  /// `transcript.json`: every send and recv of every tapped socket, in order, per connection.
  func transcript(exercise: Int, title: String, note: String) throws -> [UInt8] {
    let document = ExerciseTranscript(
      exercise: exercise, title: title, note: note,
      connections: connections.map { recorded in
        let calls = recorded.sockets.flatMap { socket in
          socket.tap.history.map { (socket.end, $0) }
        }
        .sorted { $0.1.index < $1.1.index }
        .map { end, record in
          ExerciseTranscript.Call(
            end: end.rawValue, call: record.direction == .sent ? "send" : "recv",
            hex: Hex.string(record.bytes, separator: " "))
        }
        return ExerciseTranscript.Connection(
          number: recorded.number, client: recorded.client.description,
          server: recorded.server.description, calls: calls)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(document)) + Array("\n".utf8)
  }
}

/// The shape of an exercise's `transcript.json`.
struct ExerciseTranscript: Codable, Equatable {
  /// One system call on one tapped socket.
  struct Call: Codable, Equatable {
    /// `client` (the end that connected) or `server` (the end that accepted).
    let end: String
    /// `send` or `recv`.
    let call: String
    /// The bytes that one call moved, as spaced hex.
    let hex: String
  }

  /// One TCP connection.
  struct Connection: Codable, Equatable {
    /// Its number, from 1, in the order the connections started.
    let number: Int
    /// The address of the end that connected.
    let client: String
    /// The address of the end that accepted.
    let server: String
    /// Every call of every tapped end, in the order they happened.
    let calls: [Call]
  }

  let exercise: Int
  let title: String
  /// What the transcript holds, in a sentence.
  let note: String
  let connections: [Connection]
}

extension CaptureEndpoint {
  /// `127.0.0.1:port`.
  static func loopback(_ port: UInt16, host: UInt8 = 1) -> CaptureEndpoint {
    // The bytes of a valid IPv4 address always make an IPAddress.
    CaptureEndpoint(address: IPAddress(bytes: [127, 0, 0, host])!, port: port)
  }
}
