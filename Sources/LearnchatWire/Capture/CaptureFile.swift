import Glibc

/// Writes tapped TCP connections as a capture file that Wireshark and `tshark` open.
///
/// **Format: pcapng**, not classic pcap. Both are read by every current tool, but pcapng carries
/// what a teaching capture needs to say: a comment on the file and on each packet (which tap
/// record a segment came from; which segments are synthesized), and one interface per
/// connection whose description names the two ends and whose tap it was. It also stores
/// nanosecond timestamps, as the taps take them.
///
/// **Link type: `LINKTYPE_RAW`** (each packet is an IP packet, nothing below). Ethernet would
/// need MAC addresses learnchat never saw, and `LINKTYPE_NULL`'s address-family word differs
/// between systems for IPv6; raw IP invents nothing and tells IPv4 from IPv6 by the header.
///
/// Each connection becomes SYN, SYN-ACK, ACK, one data segment per record (split at 65,495
/// bytes), an ACK for each, and FINs when it closed, with consistent sequence numbers and
/// correct checksums (see ``TCPStreamSynthesizer``). Packets of all connections are merged in
/// time order. Making the bytes is a pure function of the values: the same connections give the
/// same file.
public enum CaptureFile {
  /// The capture file for `connections`: any number, including none, of any size.
  public static func bytes(_ connections: [CaptureConnection]) -> [UInt8] {
    var file = PcapngBlocks.sectionHeader(
      comment: "Written by learnchat from its socket taps: the payloads are the bytes that "
        + "crossed the socket; IP and TCP headers, handshakes, ACKs and FINs are synthesized.",
      application: "learnchat")
    for connection in connections {
      file += PcapngBlocks.interfaceDescription(
        name: "learnchat tap",
        description: "client \(connection.client), server \(connection.server), "
          + "as the \(connection.tappedEnd == .client ? "client" : "server")'s tap saw it")
    }
    var packets: [(interface: UInt32, order: Int, packet: CapturedPacket)] = []
    for (interface, connection) in connections.enumerated() {
      for packet in TCPStreamSynthesizer.packets(for: connection) {
        packets.append((UInt32(interface), packets.count, packet))
      }
    }
    // Each connection's packets are already in time order; this interleaves connections, and
    // keeps a connection's order at equal times.
    packets.sort {
      ($0.packet.timestamp, $0.order) < ($1.packet.timestamp, $1.order)
    }
    for entry in packets {
      file += PcapngBlocks.enhancedPacket(
        interface: entry.interface, timestamp: entry.packet.timestamp,
        packet: entry.packet.bytes, comment: entry.packet.comment)
    }
    return file
  }

  /// Writes the capture file for `connections` to `path`, replacing any file there.
  ///
  /// - Throws: `CaptureError.cannotWrite` naming the path and the system's reason.
  public static func write(_ connections: [CaptureConnection], to path: String)
    throws(CaptureError)
  {
    do {
      try SystemFile.write(Self.bytes(connections), to: path)
    } catch {
      throw .cannotWrite(path: path, message: error.message)
    }
  }
}
