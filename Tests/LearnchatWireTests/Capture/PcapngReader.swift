/// A small pcapng, IPv4/IPv6 and TCP reader written for the tests from the specifications, apart
/// from the writer's code, so that a mistake in the writer is not repeated in the check.
struct PcapngReader {
  enum Failure: Error, CustomStringConvertible {
    case malformed(String)
    var description: String {
      switch self {
      case .malformed(let text): return "malformed capture: \(text)"
      }
    }
  }

  struct Interface {
    var linkType: UInt16
    var snapLength: UInt32
    var name: String?
    var description: String?
    var timestampResolution: UInt8?
  }

  struct TCP {
    var sourcePort: UInt16
    var destinationPort: UInt16
    var sequence: UInt32
    var acknowledgement: UInt32
    var headerLength: Int
    var flags: UInt8
    var window: UInt16
    var options: [UInt8]
    var payload: [UInt8]

    var syn: Bool { flags & 0x02 != 0 }
    var fin: Bool { flags & 0x01 != 0 }
    var ack: Bool { flags & 0x10 != 0 }
    var push: Bool { flags & 0x08 != 0 }
    /// `SYN`, `SYN ACK`, `PSH ACK`, ...: the flags set, in a fixed order.
    var flagNames: String {
      [(0x02, "SYN"), (0x01, "FIN"), (0x08, "PSH"), (0x10, "ACK"), (0x04, "RST")]
        .filter { flags & UInt8($0.0) != 0 }.map(\.1).joined(separator: " ")
    }
  }

  struct Packet {
    var interface: Int
    /// In the interface's units (nanoseconds for this writer).
    var timestamp: UInt64
    var data: [UInt8]
    var comment: String?
    var isIPv6: Bool
    var source: [UInt8]
    var destination: [UInt8]
    /// Whether the IPv4 header checksum checks (always true for IPv6, which has none).
    var ipChecksumValid: Bool
    var tcpChecksumValid: Bool
    var tcp: TCP
  }

  var sectionComment: String?
  var application: String?
  var interfaces: [Interface] = []
  var packets: [Packet] = []

  init(_ file: [UInt8]) throws {
    var offset = 0
    var sawSection = false
    while offset < file.count {
      guard file.count - offset >= 12 else { throw Failure.malformed("a block shorter than 12") }
      let type = Self.le32(file, offset)
      let length = Int(Self.le32(file, offset + 4))
      guard length % 4 == 0, length >= 12, offset + length <= file.count else {
        throw Failure.malformed("block length \(length) at \(offset)")
      }
      guard Self.le32(file, offset + length - 4) == UInt32(length) else {
        throw Failure.malformed("trailing length differs at \(offset)")
      }
      let body = Array(file[(offset + 8)..<(offset + length - 4)])
      switch type {
      case 0x0A0D_0D0A:
        guard offset == 0, Self.le32(body, 0) == 0x1A2B_3C4D else {
          throw Failure.malformed("section header")
        }
        guard Self.le16(body, 4) == 1, Self.le16(body, 6) == 0 else {
          throw Failure.malformed("version")
        }
        let options = try Self.options(body, from: 16)
        sectionComment = options[1].map { String(decoding: $0, as: UTF8.self) }
        application = options[4].map { String(decoding: $0, as: UTF8.self) }
        sawSection = true
      case 1:
        let options = try Self.options(body, from: 8)
        interfaces.append(
          Interface(
            linkType: Self.le16(body, 0), snapLength: Self.le32(body, 4),
            name: options[2].map { String(decoding: $0, as: UTF8.self) },
            description: options[3].map { String(decoding: $0, as: UTF8.self) },
            timestampResolution: options[9]?.first))
      case 6:
        guard sawSection else { throw Failure.malformed("packet before the section header") }
        let interface = Int(Self.le32(body, 0))
        guard interface < interfaces.count else { throw Failure.malformed("unknown interface") }
        let timestamp = UInt64(Self.le32(body, 4)) << 32 | UInt64(Self.le32(body, 8))
        let captured = Int(Self.le32(body, 12))
        guard Self.le32(body, 16) == UInt32(captured), 20 + captured <= body.count else {
          throw Failure.malformed("packet lengths")
        }
        let data = Array(body[20..<(20 + captured)])
        let padded = 20 + (captured + 3) / 4 * 4
        let options = try Self.options(body, from: padded)
        packets.append(
          try Self.packet(
            data, interface: interface, timestamp: timestamp,
            comment: options[1].map { String(decoding: $0, as: UTF8.self) }))
      default:
        throw Failure.malformed("unexpected block type \(type)")
      }
      offset += length
    }
    guard sawSection else { throw Failure.malformed("no section header") }
  }

  private static func packet(
    _ data: [UInt8], interface: Int, timestamp: UInt64, comment: String?
  ) throws -> Packet {
    guard let first = data.first else { throw Failure.malformed("empty packet") }
    let isIPv6 = first >> 4 == 6
    let headerLength: Int
    let source: [UInt8]
    let destination: [UInt8]
    var pseudoHeader: [UInt8]
    var ipChecksumValid = true
    if isIPv6 {
      headerLength = 40
      guard data.count >= 40, data[6] == 6 else { throw Failure.malformed("IPv6 header") }
      guard Int(be16(data, 4)) == data.count - 40 else {
        throw Failure.malformed("IPv6 payload length")
      }
      source = Array(data[8..<24])
      destination = Array(data[24..<40])
      let tcpLength = UInt32(data.count - 40)
      pseudoHeader = source + destination
      pseudoHeader += [
        UInt8(tcpLength >> 24), UInt8((tcpLength >> 16) & 0xFF), UInt8((tcpLength >> 8) & 0xFF),
        UInt8(tcpLength & 0xFF), 0, 0, 0, 6,
      ]
    } else {
      guard first == 0x45, data.count >= 20, data[9] == 6 else {
        throw Failure.malformed("IPv4 header")
      }
      headerLength = 20
      guard Int(be16(data, 2)) == data.count else { throw Failure.malformed("IPv4 total length") }
      source = Array(data[12..<16])
      destination = Array(data[16..<20])
      ipChecksumValid = onesComplementSum(data[0..<20]) == 0xFFFF
      let tcpLength = UInt16(data.count - 20)
      pseudoHeader = source + destination + [0, 6, UInt8(tcpLength >> 8), UInt8(tcpLength & 0xFF)]
    }
    let segment = Array(data[headerLength...])
    guard segment.count >= 20 else { throw Failure.malformed("TCP header") }
    let tcpHeaderLength = Int(segment[12] >> 4) * 4
    guard tcpHeaderLength >= 20, tcpHeaderLength <= segment.count else {
      throw Failure.malformed("TCP data offset")
    }
    let tcp = TCP(
      sourcePort: be16(segment, 0), destinationPort: be16(segment, 2),
      sequence: be32(segment, 4), acknowledgement: be32(segment, 8),
      headerLength: tcpHeaderLength, flags: segment[13], window: be16(segment, 14),
      options: Array(segment[20..<tcpHeaderLength]), payload: Array(segment[tcpHeaderLength...]))
    return Packet(
      interface: interface, timestamp: timestamp, data: data, comment: comment, isIPv6: isIPv6,
      source: source, destination: destination, ipChecksumValid: ipChecksumValid,
      tcpChecksumValid: onesComplementSum(pseudoHeader + segment) == 0xFFFF, tcp: tcp)
  }

  /// The options from `offset` to the end marker, by code (the last of each code wins).
  private static func options(_ body: [UInt8], from offset: Int) throws -> [UInt16: [UInt8]] {
    var options: [UInt16: [UInt8]] = [:]
    var offset = offset
    while offset + 4 <= body.count {
      let code = le16(body, offset)
      let length = Int(le16(body, offset + 2))
      if code == 0 { return options }
      guard offset + 4 + length <= body.count else { throw Failure.malformed("option length") }
      options[code] = Array(body[(offset + 4)..<(offset + 4 + length)])
      offset += 4 + (length + 3) / 4 * 4
    }
    guard offset == body.count else { throw Failure.malformed("options run past the block") }
    return options
  }

  /// The 16-bit ones' complement sum (not complemented): 0xFFFF over data with a valid checksum.
  static func onesComplementSum(_ bytes: some Collection<UInt8>) -> UInt32 {
    var sum: UInt32 = 0
    var iterator = bytes.makeIterator()
    while let high = iterator.next() {
      let low = iterator.next() ?? 0
      sum += UInt32(high) << 8 | UInt32(low)
      sum = (sum & 0xFFFF) + (sum >> 16)
    }
    return sum
  }

  static func le16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
    UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
  }
  static func le32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
    UInt32(le16(bytes, at)) | UInt32(le16(bytes, at + 2)) << 16
  }
  static func be16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
    UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1])
  }
  static func be32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
    UInt32(be16(bytes, at)) << 16 | UInt32(be16(bytes, at + 2))
  }
}
