import LearnchatWire
import Testing

@Suite struct IPAddressTests {
  @Test func parsesNumericAddressesOnly() {
    #expect(IPAddress("127.0.0.1")?.bytes == [127, 0, 0, 1])
    #expect(IPAddress("::1")?.bytes == [UInt8](repeating: 0, count: 15) + [1])
    #expect(IPAddress("localhost") == nil)
    #expect(IPAddress("fe80::1%lo") == nil)
    #expect(IPAddress("") == nil)
    #expect(IPAddress(bytes: [1, 2, 3]) == nil)
  }

  @Test(arguments: ["127.0.0.1", "::1", "2001:db8::5", "::ffff:10.0.0.1"])
  func printsAsItWasWritten(text: String) {
    #expect(IPAddress(text)?.description == text)
  }

  @Test func ipv4MapsIntoIPv6() {
    #expect(IPAddress("10.0.0.1")?.asIPv6 == IPAddress("::ffff:10.0.0.1"))
    #expect(IPAddress("::1")?.asIPv6 == IPAddress("::1"))
  }

  @Test func endpointsComeFromSocketAddresses() throws {
    let endpoint = try CaptureEndpoint(SocketAddress(host: "::1", port: 5002))
    #expect(endpoint.description == "[::1]:5002")
    #expect(throws: CaptureError.unsupportedAddress("example.org")) {
      try CaptureEndpoint(SocketAddress(host: "example.org", port: 1))
    }
  }
}
