import { describe, expect, it } from "vitest";
import { addressRange, describeRange, ipLiteral, isPublicAddress, knownHostRange } from "./endpoint-address";

/** The range of the IP literal in a URL, after the WHATWG parser has canonicalised its encoding. */
const rangeOf = (url: string) => {
  const literal = ipLiteral(new URL(url));
  if (literal === null) throw new Error(`${url} has no IP literal`);
  return addressRange(literal);
};

describe("special-purpose addresses, in every encoding a URL allows", () => {
  it.each([
    ["http://0x7f000001:3000/", "loopback"],
    ["http://2130706433:3000/", "loopback"],
    ["http://0177.0.0.1:3000/", "loopback"],
    ["http://127.1:3000/", "loopback"],
    ["http://127.0.0.1:3000/", "loopback"],
    ["http://[::1]:3000/", "loopback"],
    ["http://[::ffff:127.0.0.1]:3000/", "loopback"],
    ["http://[::ffff:7f00:1]:3000/", "loopback"],
    ["http://[0:0:0:0:0:ffff:7f00:0001]/", "loopback"],
    ["http://0.0.0.0/", "unspecified"],
    ["http://0/", "unspecified"],
    ["http://[::]/", "unspecified"],
    ["http://10.1.2.3/", "private"],
    ["http://172.16.0.1/", "private"],
    ["http://192.168.1.1/", "private"],
    ["http://[::ffff:192.168.1.1]/", "private"],
    ["http://169.254.169.254/", "linkLocal"],
    ["http://0xa9fea9fe/", "linkLocal"],
    ["http://100.64.0.1/", "carrierGradeNat"],
    ["http://[fc00::1]/", "uniqueLocal"],
    ["http://[fd12:3456::1]/", "uniqueLocal"],
    ["http://[fe80::1]/", "linkLocal"],
    ["http://224.0.0.1/", "multicast"],
    ["http://[ff02::1]/", "multicast"],
    ["http://255.255.255.255/", "broadcast"],
    ["http://198.18.0.1/", "reserved"],
    ["http://192.0.2.1/", "reserved"],
    ["http://240.0.0.1/", "reserved"],
    ["http://[2001:db8::1]/", "reserved"],
    ["http://[::127.0.0.1]/", "ipv4Compatible"],
    ["http://[64:ff9b::7f00:1]/", "rfc6052"],
    ["http://[2002:7f00:1::]/", "6to4"],
    ["http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "teredo"],
  ])("%s is %s: refused", (url, range) => {
    expect(rangeOf(url)).toBe(range);
    expect(isPublicAddress(ipLiteral(new URL(url))!)).toBe(false);
  });

  it.each(["http://93.184.215.14/", "http://8.8.8.8:8080/", "http://[2606:4700:4700::1111]/", "https://[::ffff:8.8.8.8]/"])("%s is public: allowed", (url) => {
    expect(rangeOf(url)).toBe("unicast");
    expect(isPublicAddress(ipLiteral(new URL(url))!)).toBe(true);
  });
});

describe("ipLiteral", () => {
  it("is null for host names, which are judged after DNS resolution", () => {
    expect(ipLiteral(new URL("http://localhost:3000/"))).toBeNull();
    expect(ipLiteral(new URL("https://jwt.example.com/asap"))).toBeNull();
    expect(ipLiteral(new URL("http://127.0.0.1.nip.io/"))).toBeNull();
  });

  it("gives IPv6 literals without their brackets", () => {
    expect(ipLiteral(new URL("http://[::1]:3000/"))).toBe("::1");
  });
});

describe("addresses as DNS answers them", () => {
  it("refuses anything it cannot parse, and zoned link-local addresses", () => {
    expect(isPublicAddress("not an address")).toBe(false);
    expect(isPublicAddress("fe80::1%eth0")).toBe(false);
    expect(isPublicAddress("1.1.1.1")).toBe(true);
  });
});

describe("knownHostRange", () => {
  it("knows IP literals and localhost names without DNS", () => {
    expect(knownHostRange(new URL("http://0x7f000001/"))).toBe("loopback");
    expect(knownHostRange(new URL("http://localhost:3000/"))).toBe("loopback");
    expect(knownHostRange(new URL("http://LOCALHOST./"))).toBe("loopback");
    expect(knownHostRange(new URL("http://api.localhost/"))).toBe("loopback");
    expect(knownHostRange(new URL("http://[fe80::1]/"))).toBe("linkLocal");
  });

  it("leaves public literals and other names to the call-time check", () => {
    expect(knownHostRange(new URL("http://8.8.8.8/"))).toBeNull();
    expect(knownHostRange(new URL("http://localhost.example.com/"))).toBeNull();
  });

  it("says ranges in words", () => {
    expect(describeRange("linkLocal")).toBe("link-local");
    expect(describeRange("loopback")).toBe("loopback");
  });
});
