import LearnchatCrypto
import LearnchatDemos

/// Labels for the parts of an RSA SubjectPublicKeyInfo in DER, for the PEM-export stage.
///
/// The offsets are found by locating OpenSSL's own modulus and exponent bytes inside the DER,
/// not by parsing ASN.1 here: the labels describe what OpenSSL wrote.
enum DERFields {
  static func subjectPublicKeyInfo(_ der: [UInt8], key: RSAPublicKey) throws -> [FrameField] {
    let modulus = try key.modulus()
    let exponent = try key.publicExponent()
    guard let modulusStart = der.firstRange(of: modulus)?.lowerBound,
      let exponentRange = der[(modulusStart + modulus.count)...].firstRange(of: exponent)
    else { return [] }
    let modulusRange = modulusStart..<(modulusStart + modulus.count)
    return [
      FrameField(
        name: "SPKI header", range: 0..<modulusStart,
        note: "SEQUENCE, algorithm rsaEncryption (1.2.840.113549.1.1.1), BIT STRING, INTEGER header"
      ),
      FrameField(
        name: "modulus n", range: modulusRange, note: "\(modulus.count) bytes, \(key.bits) bits"),
      FrameField(
        name: "exponent header", range: modulusRange.upperBound..<exponentRange.lowerBound,
        note: "INTEGER, \(exponent.count) bytes"),
      FrameField(name: "exponent e", range: exponentRange, note: "65537"),
    ]
  }
}
