import LearnchatCrypto

/// Fixed keys, so that seed inputs made once keep reaching past the handshakes.
///
/// **Test keys, public on purpose.** They protect nothing: with them a seed's wrapped key
/// unwraps and its message frames open, so the fuzzer starts from deep inside the protocols.
public enum FuzzFixtures {
  /// The demo-2 server's RSA-2048 key: the one `learnchat lesson 2 --seed corpus` makes.
  public static let serverKeyPEM = """
    -----BEGIN PRIVATE KEY-----
    MIIEugIBADANBgkqhkiG9w0BAQEFAASCBKQwggSgAgEAAoIBAQC6R9A34bUr8ACz
    QrH41Ok0//0hWL8EPlmXltXrMtg5ASqF6GQMpO27b6CrDcUcLVZ9A5lMo2HlZBeT
    SJC0XgkvfD3/h5tBoc64lFA21zgU6g44E0G2zQSHSX/yxkNJkTdoRueWmC72MFeY
    HBDGvrVt6WXWcZW+RN4o2W5JpEpVJuCqLkA4suzlO+ZKaqJktKQbWhw9PxX1n5ga
    ejnvxBNnseD0SOnI/0abgThcYkxwsEcAUr5AtHoTKpVqwuGUXuQkOAaelRGnJNBf
    0AH7T/YKW49mYFObNoCx+/WaD1qoRywIfDrLRFag6N6FADQD0IK5fATo58OK5e+7
    7J6xzFKBAgMBAAECgf9hO1rT0FxgssWqzAVZfMi9gWD/JvONo33gQjsmqUNzfchU
    XRjcALqWO44Buw5HxuJ+HoLGHgHbWoNzvUzK2Mqynoc9+epwN6VPcxrrhSsgv4rs
    eiCy6hCTDSpb7mDw5XumUlxPnt/kYRdXrk6TbrgExu8BIAipaAkOCXAnwDmMd/lu
    cjWxLh8Bx+POBGHXBfH9BxdNoXZ+Qbjz0Ua+VikgQyIOTdge381ZwKqc1BLDVxxW
    b3G6fSFkyVzO8r8WHsNl22zrOacBmnEXXdjjZou3AybmAsMf6yrdq/x5kujaGEjz
    YWentP5g/EZeTCCKTP+zzORZ0wRLN3jLYsVttmECgYEA8WfQ2yzmYu4Edng8VQCC
    qqyWY5AzoC4rLBTQvXP9wmicSBipXDPX3jcd40JclKvkANyGxW9gskb+rJkawIdG
    3sEQluQwSyv7im0MxlA9fpsXUsEc3sGAUdFSE7Y/I0mK8UX7xG8LFJjt2RI+YHHU
    KJ8+XsXYXkj1/Ns1YkCMzjECgYEAxYrWxzS4ipCrTSwpojNIqDpe/UAjIyl1chZZ
    TW3ogXE5BbBmB9wZbTrajxLZDwCX1MQoWUCSjdR5AkLQBD9mYNUnS8HEqzdg7mf+
    gGN5FrRdKHYDr/shoJAHUmbuX0Pnypj+tBOv/hhOEIE6DVsLXTWvssdnxrzR+/Td
    bSwSJVECgYAkPfDGJuyDp7Y1zwFHxabYVsbRNcH6Z1QF7y4Tc0mCmU/1JvauJ/5d
    lyq+hqT9kPzPAEyfcYQz36K2aNnyU5zZLmT+Mk3pyzWdZ5fGYh+JVWFgBCwAaU6J
    egJ3gSHje1QHuvj8WatxMTBsKWgB9LTkUFv9wHgmV4/OoV5XXNeG0QKBgFAFcgO4
    Q5k+CWZ1oVfnVmNvYdNNC+7OeJkCnKJVB36IEwVO88XzTwmEcczLYcpF/ztdSsr8
    8WEq1OopjoJp/Fr1fbmegMCq6kUpM1tm8EJWRfaB9/Rt0q1sKssijyVgKKFVYLgp
    0X0o81aUQqPuYagce1P8mvlSu+1Iv/ndhGxBAoGAZrolkdju64dFWzX2INg0OBQu
    z2O92IXvuN7dA8rRWFY8lZS2Dn6DPgn5iYQe2wunciRzR5z6tHuPwUoIDe7pVEjw
    HjCIEsKrBTRuIxOE/HRiccISCKAPBqJL13Y6j3NfBv7x0Pq8+CVfIufXBZLz9M2g
    700Z6Oceq9DJqDF7L6I=
    -----END PRIVATE KEY-----
    """

  /// The demo-2 server's key, parsed once per process.
  public static let serverKey: RSAPrivateKey = {
    do {
      return try RSAPrivateKey(pem: Array(serverKeyPEM.utf8))
    } catch {
      fatalError("the fixed fuzzing key does not parse: \(error)")
    }
  }()

  /// The demo-2 client's session key (the one of `learnchat lesson 2 --seed corpus`).
  public static let sessionKeyBytes: [UInt8] = hex(
    "ba5170c990db4c02dde6fc2f26d3f6a83d6dea959fb37ca16bd24a687cde0d4f")

  /// The demo-3 client's ephemeral X25519 private key.
  public static let demo3ClientEphemeralBytes: [UInt8] = (0..<32).map { UInt8(0x40 + $0) }

  /// The demo-3 server's Ed25519 identity seed.
  public static let demo3IdentityBytes: [UInt8] = (0..<32).map { UInt8(0x80 + $0) }

  public static let sessionKey = must { try AESGCM.Key(sessionKeyBytes) }
  public static let demo3ClientEphemeral = must {
    try X25519.PrivateKey(rawRepresentation: demo3ClientEphemeralBytes)
  }
  public static let demo3Identity = must {
    try Ed25519.PrivateKey(rawRepresentation: demo3IdentityBytes)
  }

  private static func must<T>(_ make: () throws -> T) -> T {
    do {
      return try make()
    } catch {
      fatalError("a fixed fuzzing key cannot be made: \(error)")
    }
  }

  private static func hex(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = text.startIndex
    while index < text.endIndex {
      let next = text.index(index, offsetBy: 2)
      bytes.append(UInt8(text[index..<next], radix: 16)!)
      index = next
    }
    return bytes
  }
}
