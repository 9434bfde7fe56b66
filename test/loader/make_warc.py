#!/usr/bin/env python3
"""test/loader/make_warc.py FIXTURES OUT_DIR: writes the WARC files the loader
test reads, built from the storage fixtures.

crawl.warc.gz (one gzip member per record, as crawlers write them):
  warcinfo, request (ignored), response original.html (plain),
  response edited.html a day later (chunked and gzip-encoded),
  response 404 (skipped), response image/png (skipped),
  a record whose Content-Length is not a number (failure),
  a record whose Content-Length is too short (failure),
  response unrelated.html (must still load after the two bad records).
tail.warc (not compressed): response syndicated.html, then a record cut
  short by the end of the file (failure).
"""
import gzip
import os
import sys


SERIAL = [0]


def record(warc_type, uri, date, block, content_type="application/http; msgtype=response",
           length=None):
    SERIAL[0] += 1
    headers = [
        "WARC/1.0",
        f"WARC-Type: {warc_type}",
        f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{SERIAL[0]:012d}>",
        f"WARC-Date: {date}",
    ]
    if uri:
        headers.append(f"WARC-Target-URI: {uri}")
    headers.append(f"Content-Type: {content_type}")
    headers.append(f"Content-Length: {len(block) if length is None else length}")
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http(status, body, content_type="text/html; charset=utf-8", extra=()):
    head = [f"HTTP/1.1 {status}", f"Content-Type: {content_type}", *extra]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def chunked(data, size=700):
    out = b""
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        out += f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def main():
    fixtures, out = sys.argv[1], sys.argv[2]

    def page(name):
        with open(os.path.join(fixtures, name), "rb") as f:
            return f.read()

    url = "https://www.alpineherald.example/world/2024/03/12/river-treaty"
    records = [
        record("warcinfo", None, "2024-03-12T06:00:00Z", b"software: test\r\n",
               content_type="application/warc-fields"),
        record("request", url, "2024-03-12T06:00:00Z", b"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
               content_type="application/http; msgtype=request"),
        record("response", url, "2024-03-12T06:00:00Z", http("200 OK", page("original.html"))),
        record("response", url, "2024-03-13T06:00:00Z",
               http("200 OK", chunked(gzip.compress(page("edited.html"))),
                    extra=("Transfer-Encoding: chunked", "Content-Encoding: gzip"))),
        record("response", "https://valleydaily.example/missing", "2024-03-12T07:00:00Z",
               http("404 Not Found", b"<html><body>gone</body></html>")),
        record("response", "https://valleydaily.example/logo.png", "2024-03-12T07:00:00Z",
               http("200 OK", b"\x89PNG\r\n\x1a\n", content_type="image/png")),
        record("response", "https://valleydaily.example/bad-length", "2024-03-12T07:00:00Z",
               http("200 OK", b"<html><body><p>x</p></body></html>"), length="abc"),
        record("response", "https://valleydaily.example/short-length", "2024-03-12T07:00:00Z",
               http("200 OK", page("unrelated.html")), length=40),
        record("response", "https://valleydaily.example/news/tram-extension-approved",
               "2024-03-12T08:00:00Z", http("200 OK", page("unrelated.html"))),
    ]
    with open(os.path.join(out, "crawl.warc.gz"), "wb") as f:
        for r in records:
            f.write(gzip.compress(r))
    with open(os.path.join(out, "tail.warc"), "wb") as f:
        f.write(record("response", "https://valleydaily.example/news/water-treaty-agreed-1234",
                       "2024-03-12T08:00:00Z", http("200 OK", page("syndicated.html"))))
        f.write(record("response", "https://valleydaily.example/cut", "2024-03-12T09:00:00Z",
                       http("200 OK", page("unrelated.html")))[:300])


if __name__ == "__main__":
    main()
