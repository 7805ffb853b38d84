/// Wraps a TCP segment in an IPv4 or IPv6 header: the packets of a `LINKTYPE_RAW` capture.
enum IPPacket {
  /// IP's protocol number for TCP.
  static let tcpProtocol: UInt8 = 6
  /// The hop limit (TTL) of every packet: Linux's default.
  static let hopLimit: UInt8 = 64

  /// The packet carrying `segment` from `source` to `destination`, checksums included.
  ///
  /// Both addresses must be of one family (``TCPStreamSynthesizer`` makes sure).
  /// - Parameter identification: the IPv4 header's identification field; unused for IPv6.
  static func encode(
    _ segment: TCPSegment, from source: IPAddress, to destination: IPAddress,
    identification: UInt16
  ) -> [UInt8] {
    let tcpLength = TCPSegment.headerSize + segment.options.count + segment.payload.count
    if source.isIPv6 {
      var pseudoHeader = source.bytes + destination.bytes
      pseudoHeader.appendBigEndian(UInt32(tcpLength))
      pseudoHeader += [0, 0, 0, tcpProtocol]
      var packet: [UInt8] = [0x60, 0, 0, 0]  // version 6, no traffic class, no flow label
      packet.appendBigEndian(UInt16(tcpLength))
      packet += [tcpProtocol, hopLimit]
      packet += source.bytes + destination.bytes
      return packet + segment.encoded(pseudoHeader: pseudoHeader)
    }
    var pseudoHeader = source.bytes + destination.bytes
    pseudoHeader += [0, tcpProtocol]
    pseudoHeader.appendBigEndian(UInt16(tcpLength))
    var header: [UInt8] = [0x45, 0]  // version 4, 5 words of header; no DSCP
    header.appendBigEndian(UInt16(20 + tcpLength))
    header.appendBigEndian(identification)
    header += [0x40, 0]  // don't fragment, as Linux sets on TCP
    header += [hopLimit, tcpProtocol, 0, 0]  // checksum filled in below
    header += source.bytes + destination.bytes
    let checksum = InternetChecksum.of(header)
    header[10] = UInt8(checksum >> 8)
    header[11] = UInt8(checksum & 0xFF)
    return header + segment.encoded(pseudoHeader: pseudoHeader)
  }
}
