/// One TCP segment as the capture writer makes it: header fields and payload, no addresses yet.
struct TCPSegment: Equatable {
  /// The control bits this writer uses.
  struct Flags: OptionSet, Equatable {
    let rawValue: UInt8
    static let fin = Flags(rawValue: 0x01)
    static let syn = Flags(rawValue: 0x02)
    static let push = Flags(rawValue: 0x08)
    static let ack = Flags(rawValue: 0x10)
  }

  /// The header without options: 20 bytes.
  static let headerSize = 20

  var sourcePort: UInt16
  var destinationPort: UInt16
  var sequenceNumber: UInt32
  /// Meaningful only with ``Flags/ack``; zero otherwise, as senders leave it.
  var acknowledgementNumber: UInt32
  var flags: Flags
  var window: UInt16
  /// Option bytes, already padded to a multiple of 4.
  var options: [UInt8] = []
  var payload: ArraySlice<UInt8> = []

  /// The segment's bytes, with its checksum over `pseudoHeader` (from ``IPPacket``) filled in.
  func encoded(pseudoHeader: [UInt8]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Self.headerSize + options.count + payload.count)
    bytes.appendBigEndian(sourcePort)
    bytes.appendBigEndian(destinationPort)
    bytes.appendBigEndian(sequenceNumber)
    bytes.appendBigEndian(acknowledgementNumber)
    // Data offset in 32-bit words, in the high 4 bits.
    bytes.append(UInt8((Self.headerSize + options.count) / 4) << 4)
    bytes.append(flags.rawValue)
    bytes.appendBigEndian(window)
    bytes += [0, 0]  // checksum, filled in below
    bytes += [0, 0]  // urgent pointer
    bytes += options
    bytes += payload
    var checksum = InternetChecksum()
    checksum.add(pseudoHeader)
    checksum.add(bytes)
    let value = checksum.value
    bytes[16] = UInt8(value >> 8)
    bytes[17] = UInt8(value & 0xFF)
    return bytes
  }

  /// The MSS option (kind 2, length 4) a SYN carries, announcing the largest payload.
  static func maximumSegmentSizeOption(_ size: UInt16) -> [UInt8] {
    var option: [UInt8] = [2, 4]
    option.appendBigEndian(size)
    return option
  }
}
