internal import COpenSSL

/// Feeding OpenSSL's `TEST-RAND` generator, which hands out exactly the bytes it was given.
enum TestRandom {
  /// The security strength the test generator claims. RSA key generation asks for up to 128
  /// bits and refuses a generator that claims less.
  private static let claimedStrength: UInt32 = 256

  /// Replaces `generator`'s remaining output with `stream`.
  static func feed(_ generator: OpaquePointer, with stream: [UInt8]) throws {
    var strength = claimedStrength
    var stream = stream
    // An OSSL_PARAM keeps a pointer to its key's C string, so the keys must outlive the array:
    // hence the nested closures rather than Swift's temporary string bridging.
    let status = OSSL_RAND_PARAM_TEST_ENTROPY.withCString { entropyKey in
      OSSL_RAND_PARAM_STRENGTH.withCString { strengthKey in
        stream.withUnsafeMutableBytes { streamBytes in
          withUnsafeMutablePointer(to: &strength) { strengthValue in
            var parameters = [
              OSSL_PARAM_construct_octet_string(
                entropyKey, streamBytes.baseAddress, streamBytes.count),
              OSSL_PARAM_construct_uint(strengthKey, strengthValue),
              OSSL_PARAM_construct_end(),
            ]
            return EVP_RAND_CTX_set_params(generator, &parameters)
          }
        }
      }
    }
    try OpenSSLErrors.check(status, "EVP_RAND_CTX_set_params")
  }
}
