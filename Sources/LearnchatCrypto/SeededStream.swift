internal import COpenSSL

/// Expands a seed into the long byte stream a seeded generator hands out.
///
/// SHAKE256 is an extendable-output function: one seed gives as many bytes as asked, and
/// streams for different threads and generators are independent because their inputs differ.
enum SeededStream {
  /// Bytes per generator and thread: RSA-2048 key generation typically draws 10 to 30 KiB from
  /// the private generator (prime candidates and Miller-Rabin witnesses), so this leaves room
  /// for several keys, and thousands of nonces on the public one.
  static let length = 256 << 10

  /// The stream for generator `generator` ("public" or "private") of the `thread`-th thread.
  static func expand(seed: [UInt8], thread: Int, generator: String, count: Int) throws -> [UInt8] {
    var input = Array("learnchat seeded randomness v1".utf8)
    input += bigEndian(UInt64(seed.count)) + seed
    input += bigEndian(UInt64(thread)) + Array(generator.utf8)

    OpenSSLErrors.clear()
    let digest = try OpenSSLErrors.check(EVP_MD_fetch(nil, "SHAKE256", nil), "EVP_MD_fetch")
    defer { EVP_MD_free(digest) }
    let context = try OpenSSLErrors.check(EVP_MD_CTX_new(), "EVP_MD_CTX_new")
    defer { EVP_MD_CTX_free(context) }

    try OpenSSLErrors.check(EVP_DigestInit_ex2(context, digest, nil), "EVP_DigestInit_ex2")
    try OpenSSLErrors.check(EVP_DigestUpdate(context, input, input.count), "EVP_DigestUpdate")
    var output = [UInt8](repeating: 0, count: count)
    let status = output.withUnsafeMutableBufferPointer { buffer in
      EVP_DigestFinalXOF(context, buffer.baseAddress, buffer.count)
    }
    try OpenSSLErrors.check(status, "EVP_DigestFinalXOF")
    return output
  }

  private static func bigEndian(_ value: UInt64) -> [UInt8] {
    (0..<8).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
  }
}
