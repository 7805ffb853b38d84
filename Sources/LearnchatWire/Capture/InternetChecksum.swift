/// The Internet checksum of RFC 1071, which IPv4 headers and TCP segments carry.
///
/// The ones' complement of the ones' complement sum of the data as 16-bit big-endian words,
/// an odd last byte padded with zero. Summing the checksummed data with its checksum in place
/// gives zero, which is how a receiver (and Wireshark) checks it.
struct InternetChecksum {
  private var sum: UInt64 = 0
  /// An odd byte left over from the last ``add(_:)``, waiting for its partner.
  private var pendingHighByte: UInt8?

  /// Adds bytes to the sum, as if every call's bytes followed the previous call's.
  mutating func add(_ bytes: some Sequence<UInt8>) {
    for byte in bytes {
      if let high = pendingHighByte {
        sum &+= UInt64(high) << 8 | UInt64(byte)
        pendingHighByte = nil
      } else {
        pendingHighByte = byte
      }
    }
  }

  /// The checksum of everything added, ready for the header.
  var value: UInt16 {
    var total = sum
    if let high = pendingHighByte { total &+= UInt64(high) << 8 }
    // Fold the carries back in until the sum fits in 16 bits.
    while total > 0xFFFF { total = (total & 0xFFFF) + (total >> 16) }
    return ~UInt16(total)
  }

  /// The checksum of `bytes` alone.
  static func of(_ bytes: some Sequence<UInt8>) -> UInt16 {
    var checksum = InternetChecksum()
    checksum.add(bytes)
    return checksum.value
  }
}
