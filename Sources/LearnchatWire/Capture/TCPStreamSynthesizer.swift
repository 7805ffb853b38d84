/// Turns one tapped end's records into the TCP segments that carried them, both ways.
///
/// The tap saw bytes, not segments, so everything around the payloads is made up, and made up
/// consistently, so that Wireshark's TCP analysis finds nothing wrong and "Follow TCP Stream"
/// gives back the bytes each end sent:
/// - a SYN, SYN-ACK and ACK when the connection opened;
/// - each record's bytes as data segments from its sender, at most ``maximumPayload`` bytes
///   each, each acknowledged at once by a pure ACK from the other end (an ACK per segment keeps
///   every segment inside a 65,535-byte window without window scaling);
/// - at the end, a FIN from each side that closed, each acknowledged.
/// Sequence numbers run on from the SYN's across the whole connection; every packet is at least
/// 1 µs after the one before, even when the records' clock went backwards.
struct TCPStreamSynthesizer {
  /// The largest payload in one segment: 65,535 (the largest IPv4 packet) less 20 bytes of IPv4
  /// header and 20 of TCP header. Also the MSS the SYNs announce; IPv6 packets stay within
  /// their 65,535-byte payload limit too.
  static let maximumPayload = 65_495
  /// The window every segment advertises: the largest without window scaling.
  static let window: UInt16 = 65_535
  /// The least time between two packets of one connection: 1 µs.
  static let minimumGap: Int64 = 1_000

  /// One end of the connection.
  enum Side {
    case client
    case server

    var other: Side { self == .client ? .server : .client }
    var name: String { self == .client ? "client" : "server" }
  }

  private struct End {
    var address: IPAddress
    var port: UInt16
    /// The sequence number of this end's next byte (SYN and FIN count as one each).
    var nextSequence: UInt32
    var identification: UInt16
    var finSent = false
  }

  private var client: End
  private var server: End
  private var lastTimestamp: WireTimestamp?
  private(set) var packets: [CapturedPacket] = []

  /// The packets of `connection`, in order.
  static func packets(for connection: CaptureConnection) -> [CapturedPacket] {
    var synthesizer = TCPStreamSynthesizer(connection)
    synthesizer.run(connection)
    return synthesizer.packets
  }

  private init(_ connection: CaptureConnection) {
    var clientAddress = connection.client.address
    var serverAddress = connection.server.address
    // A connection has one family; mixed input (never from a real socket) becomes IPv6, where
    // an IPv4 address has a mapped form.
    if clientAddress.isIPv6 != serverAddress.isIPv6 {
      clientAddress = clientAddress.asIPv6
      serverAddress = serverAddress.asIPv6
    }
    // Initial sequence numbers from the addresses, not random: the same connection always gives
    // the same file, and two connections in one file differ.
    var fourTuple = clientAddress.bytes + serverAddress.bytes
    fourTuple.appendBigEndian(connection.client.port)
    fourTuple.appendBigEndian(connection.server.port)
    let clientISN = Self.hash(fourTuple + [0x43])
    let serverISN = Self.hash(fourTuple + [0x53])
    client = End(
      address: clientAddress, port: connection.client.port, nextSequence: clientISN,
      identification: UInt16(truncatingIfNeeded: clientISN >> 16))
    server = End(
      address: serverAddress, port: connection.server.port, nextSequence: serverISN,
      identification: UInt16(truncatingIfNeeded: serverISN >> 16))
  }

  private mutating func run(_ connection: CaptureConnection) {
    let tapped: Side = connection.tappedEnd == .client ? .client : .server
    let peer = tapped.other
    let opened = connection.opened
    let mss = TCPSegment.maximumSegmentSizeOption(UInt16(Self.maximumPayload))
    emit(
      from: .client, [.syn], options: mss, at: opened,
      comment: "learnchat: SYN, SYN-ACK, ACKs and FINs are synthesized; payloads are the "
        + "\(tapped.name)'s tap records")
    emit(from: .server, [.syn, .ack], options: mss, at: opened)
    emit(from: .client, [.ack], at: opened)

    let records = connection.records.filter { !$0.bytes.isEmpty }
    // The peer's FIN goes where the tapped end read end of stream, but never before bytes the
    // peer sent: those came before its FIN whatever the clock said.
    var peerFinPosition: Int?
    if let peerClosed = connection.peerClosed {
      let afterLastReceived = (records.lastIndex { $0.direction == .received } ?? -1) + 1
      let byTime = records.firstIndex { $0.timestamp > peerClosed } ?? records.count
      peerFinPosition = max(afterLastReceived, byTime)
    }
    for (position, record) in records.enumerated() {
      if position == peerFinPosition, let peerClosed = connection.peerClosed {
        finish(peer, at: peerClosed, comment: Self.endOfStreamComment(tapped))
      }
      send(record, from: record.direction == .sent ? tapped : peer, tapped: tapped)
    }

    // What is left: closings after the last record, in time order.
    var closings: [(time: WireTimestamp, side: Side, comment: String)] = []
    if let peerClosed = connection.peerClosed, !end(peer).finSent {
      closings.append((peerClosed, peer, Self.endOfStreamComment(tapped)))
    }
    if let closed = connection.closed {
      closings.append((closed, tapped, "learnchat: the \(tapped.name) closed its socket"))
      if connection.peerClosed == nil {
        closings.append(
          (
            closed, peer,
            "learnchat: the \(peer.name)'s FIN, which the \(tapped.name)'s tap did not see"
          ))
      }
    }
    // A stable sort: at equal times, the order above (the tapped end before the made-up FIN).
    let ordered = closings.enumerated().sorted {
      ($0.element.time, $0.offset) < ($1.element.time, $1.offset)
    }
    for closing in ordered.map(\.element) {
      finish(closing.side, at: closing.time, comment: closing.comment)
    }
  }

  /// One record's bytes as data segments from `sender`, each acknowledged by the other end.
  private mutating func send(_ record: WireRecord, from sender: Side, tapped: Side) {
    let verb = record.direction == .sent ? "sent" : "read"
    let parts = (record.bytes.count + Self.maximumPayload - 1) / Self.maximumPayload
    for part in 0..<parts {
      let start = part * Self.maximumPayload
      let chunk = record.bytes[start..<min(start + Self.maximumPayload, record.bytes.count)]
      let partText = parts > 1 ? ", part \(part + 1) of \(parts)" : ""
      emit(
        from: sender, part == parts - 1 ? [.ack, .push] : [.ack], payload: chunk,
        at: record.timestamp,
        comment: "learnchat tap record \(record.index): \(verb) by the \(tapped.name), "
          + "\(record.bytes.count) bytes\(partText)")
      emit(from: sender.other, [.ack], at: record.timestamp)
    }
  }

  /// A FIN from `side`, acknowledged by the other end.
  private mutating func finish(_ side: Side, at time: WireTimestamp, comment: String) {
    guard !end(side).finSent else { return }
    emit(from: side, [.fin, .ack], at: time, comment: comment)
    update(side) { $0.finSent = true }
    emit(from: side.other, [.ack], at: time)
  }

  private mutating func emit(
    from side: Side, _ flags: TCPSegment.Flags, options: [UInt8] = [],
    payload: ArraySlice<UInt8> = [], at time: WireTimestamp, comment: String? = nil
  ) {
    let sender = end(side)
    let receiver = end(side.other)
    let segment = TCPSegment(
      sourcePort: sender.port, destinationPort: receiver.port,
      sequenceNumber: sender.nextSequence,
      acknowledgementNumber: flags.contains(.ack) ? receiver.nextSequence : 0,
      flags: flags, window: Self.window, options: options, payload: payload)
    let bytes = IPPacket.encode(
      segment, from: sender.address, to: receiver.address, identification: sender.identification)
    // A capture file's times start at 1970; earlier ones (only from a caller's own values) are
    // moved up to it before the rise is enforced.
    var timestamp = max(time, WireTimestamp(nanosecondsSince1970: 0))
    if let last = lastTimestamp {
      timestamp = max(timestamp, last.adding(nanoseconds: Self.minimumGap))
    }
    lastTimestamp = timestamp
    packets.append(CapturedPacket(timestamp: timestamp, bytes: bytes, comment: comment))

    // Sequence space: SYN and FIN take one number each, payload one per byte; wrapping is TCP's.
    let consumed = payload.count + (flags.contains(.syn) ? 1 : 0) + (flags.contains(.fin) ? 1 : 0)
    update(side) { end in
      end.nextSequence &+= UInt32(truncatingIfNeeded: consumed)
      end.identification &+= 1
    }
  }

  private func end(_ side: Side) -> End { side == .client ? client : server }

  private mutating func update(_ side: Side, _ change: (inout End) -> Void) {
    if side == .client { change(&client) } else { change(&server) }
  }

  private static func endOfStreamComment(_ tapped: Side) -> String {
    "learnchat: the \(tapped.other.name)'s FIN: the \(tapped.name) read end of stream here"
  }

  /// FNV-1a, 32 bits: a fixed, well-spread function of the addresses (not for security).
  private static func hash(_ bytes: [UInt8]) -> UInt32 {
    var value: UInt32 = 0x811C_9DC5
    for byte in bytes {
      value ^= UInt32(byte)
      value &*= 0x0100_0193
    }
    return value
  }
}
