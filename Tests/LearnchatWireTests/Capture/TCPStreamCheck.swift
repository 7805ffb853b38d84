import LearnchatWire

/// Follows one captured TCP connection as a receiver would, checking what Wireshark's analysis
/// checks, and gives back the bytes each side sent.
struct TCPStreamCheck {
  /// The bytes the client sent, in order, then the server's.
  var clientBytes: [UInt8] = []
  var serverBytes: [UInt8] = []
  /// Everything that was wrong, in words; empty for a good stream.
  var problems: [String] = []
  /// `SYN`, `SYN ACK`, ... with `c` or `s` for the sender, one per packet: `c SYN`.
  var flagTrace: [String] = []

  init(_ packets: [PcapngReader.Packet], client: CaptureEndpoint) {
    var next: [Bool: UInt32] = [:]  // by "is from client"
    var finished: [Bool: Bool] = [:]
    var lastTime: UInt64?
    for (number, packet) in packets.enumerated() {
      let tcp = packet.tcp
      let fromClient =
        tcp.sourcePort == client.port && packet.source == clientAddress(packet, client)
      let place = "packet \(number + 1)"
      flagTrace.append("\(fromClient ? "c" : "s") \(tcp.flagNames)")
      if !packet.ipChecksumValid { problems.append("\(place): bad IPv4 header checksum") }
      if !packet.tcpChecksumValid { problems.append("\(place): bad TCP checksum") }
      if let lastTime, packet.timestamp <= lastTime {
        problems.append("\(place): time does not increase")
      }
      lastTime = packet.timestamp
      if tcp.syn {
        if next[fromClient] != nil { problems.append("\(place): second SYN") }
        next[fromClient] = tcp.sequence
      } else if tcp.sequence != next[fromClient] {
        problems.append(
          "\(place): sequence \(tcp.sequence), expected \(String(describing: next[fromClient]))")
      }
      if finished[fromClient] == true && (!tcp.payload.isEmpty || tcp.fin) {
        problems.append("\(place): data or FIN after FIN")
      }
      if tcp.ack {
        if tcp.acknowledgement != next[!fromClient] {
          problems.append(
            "\(place): acknowledges \(tcp.acknowledgement), peer is at "
              + "\(String(describing: next[!fromClient]))")
        }
      } else if !(tcp.syn && fromClient && number == 0) {
        problems.append("\(place): no ACK flag after the first SYN")
      }
      if tcp.payload.count > 65_495 { problems.append("\(place): payload over 65,495") }
      if tcp.window == 0 { problems.append("\(place): zero window") }
      if fromClient { clientBytes += tcp.payload } else { serverBytes += tcp.payload }
      let consumed = UInt32(tcp.payload.count) + (tcp.syn ? 1 : 0) + (tcp.fin ? 1 : 0)
      next[fromClient] = (next[fromClient] ?? 0) &+ consumed
      if tcp.fin { finished[fromClient] = true }
    }
  }

  /// The client's address as the packet carries it (IPv6-mapped when the packet is IPv6).
  private func clientAddress(_ packet: PcapngReader.Packet, _ client: CaptureEndpoint) -> [UInt8] {
    packet.isIPv6 ? client.address.asIPv6.bytes : client.address.bytes
  }
}
