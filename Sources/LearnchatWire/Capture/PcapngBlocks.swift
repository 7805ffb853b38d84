/// The three pcapng blocks this writer uses, little-endian (the byte-order magic says so).
///
/// See the pcapng specification (IETF draft-ietf-opsawg-pcapng): every block is its type, its
/// total length, a body padded to 4 bytes, and the total length again; options are a code, a
/// length and a padded value, ended by option 0.
enum PcapngBlocks {
  /// `LINKTYPE_RAW`: each packet starts with its IPv4 or IPv6 header, told apart by the version.
  static let linkTypeRaw: UInt16 = 101
  /// The most bytes of one packet the file promises to hold; our largest is 65,535 (IPv4) or
  /// 65,555 (IPv6) bytes, and 262,144 is what Wireshark itself writes for "no limit".
  static let snapLength: UInt32 = 262_144

  /// The Section Header Block that starts the file.
  static func sectionHeader(comment: String, application: String) -> [UInt8] {
    var body: [UInt8] = []
    body.appendLittleEndian(UInt32(0x1A2B_3C4D))  // byte-order magic
    body.appendLittleEndian(UInt16(1))  // major version
    body.appendLittleEndian(UInt16(0))  // minor version
    body.appendLittleEndian(UInt64.max)  // section length: not given
    body += options([(1, Array(comment.utf8)), (4, Array(application.utf8))])
    return block(type: 0x0A0D_0D0A, body: body)
  }

  /// An Interface Description Block: raw IP, nanosecond timestamps, a name and description.
  static func interfaceDescription(name: String, description: String) -> [UInt8] {
    var body: [UInt8] = []
    body.appendLittleEndian(linkTypeRaw)
    body.appendLittleEndian(UInt16(0))  // reserved
    body.appendLittleEndian(snapLength)
    // if_name (2), if_description (3), if_tsresol (9): 9 means units of 10^-9 s.
    body += options([(2, Array(name.utf8)), (3, Array(description.utf8)), (9, [9])])
    return block(type: 1, body: body)
  }

  /// An Enhanced Packet Block holding `packet` whole, seen on interface `interface`.
  static func enhancedPacket(
    interface: UInt32, timestamp: WireTimestamp, packet: [UInt8], comment: String?
  ) -> [UInt8] {
    // The file's clock cannot go before 1970; a negative time (only from a caller's own values)
    // is shown as the epoch.
    let units = UInt64(max(timestamp.nanosecondsSince1970, 0))
    var body: [UInt8] = []
    body.reserveCapacity(packet.count + 64)
    body.appendLittleEndian(interface)
    body.appendLittleEndian(UInt32(units >> 32))
    body.appendLittleEndian(UInt32(units & 0xFFFF_FFFF))
    body.appendLittleEndian(UInt32(packet.count))  // captured length
    body.appendLittleEndian(UInt32(packet.count))  // original length: nothing was cut
    body += packet
    body.padToFourBytes()
    body += options(comment.map { [(code: UInt16(1), value: Array($0.utf8))] } ?? [])
    return block(type: 6, body: body)
  }

  /// Options as code, length, value padded to 4 bytes, then the end-of-options marker.
  ///
  /// Values longer than 65,535 bytes cannot be said in an option's length and are cut there.
  private static func options(_ options: [(code: UInt16, value: [UInt8])]) -> [UInt8] {
    guard !options.isEmpty else { return [] }
    var bytes: [UInt8] = []
    for option in options {
      let value = option.value.prefix(Int(UInt16.max))
      bytes.appendLittleEndian(option.code)
      bytes.appendLittleEndian(UInt16(value.count))
      bytes += value
      bytes.padToFourBytes()
    }
    bytes += [0, 0, 0, 0]  // opt_endofopt
    return bytes
  }

  private static func block(type: UInt32, body: [UInt8]) -> [UInt8] {
    let totalLength = UInt32(12 + body.count)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(totalLength))
    bytes.appendLittleEndian(type)
    bytes.appendLittleEndian(totalLength)
    bytes += body
    bytes.appendLittleEndian(totalLength)
    return bytes
  }
}
