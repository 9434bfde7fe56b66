#!/usr/bin/env python3
"""test/fuzz/seeds.py OUT_DIR CORPUS_DIR [--small]: writes libFuzzer seed
directories OUT_DIR/{article,timestamp,dateline,tokenize,analysis} from the shared
corpus (gzipped pages plus truth.json per set), at build time, so no corpus
page enters the repository.  The hand-made seeds in test/fuzz/seeds/ are
copied alongside.  --small keeps a few seeds per target for the short runs
of `make test`.
"""
import gzip
import hashlib
import html
import json
import os
import re
import shutil
import sys

MAX_PAGE = 256 * 1024

out, corpus = sys.argv[1], sys.argv[2]
small = '--small' in sys.argv[3:]
here = os.path.dirname(os.path.abspath(__file__))
targets = ('article', 'timestamp', 'dateline', 'tokenize', 'analysis')
for t in targets:
    os.makedirs(os.path.join(out, t), exist_ok=True)
    hand = os.path.join(here, 'seeds', t)
    if os.path.isdir(hand):
        for name in sorted(os.listdir(hand)):
            shutil.copy(os.path.join(hand, name), os.path.join(out, t, 'hand-' + name))


def write(target, data):
    if isinstance(data, str):
        data = data.encode('utf-8', 'surrogateescape')
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(out, target, name), 'wb') as f:
        f.write(data)


def selector(s):
    """The timestamp target's first byte picks the zone context."""
    return bytes([hashlib.sha1(s.encode('utf-8', 'surrogateescape')).digest()[0]])


DATE_PATTERNS = [
    re.compile(rb'datetime="([^"]{4,80})"'),
    re.compile(rb'"date(?:Published|Modified|Created)"\s*:\s*"([^"]{4,80})"'),
    re.compile(rb'<meta[^>]+(?:published_time|modified_time|pubdate|date)[^>]+content="([^"]{4,80})"', re.I),
    re.compile(rb'(?:Updated|Published|Posted)\s*:?\s*([A-Z0-9][^<]{6,60})'),
]
PARA = re.compile(rb'<p[^>]*>(.{20,400}?)</p>', re.S)
TAG = re.compile(r'<[^>]+>')

if not os.path.isdir(corpus):
    sys.exit(0)                 # hand-made seeds only
pages = []
for sub in sorted(os.listdir(corpus)):
    pdir = os.path.join(corpus, sub, 'pages')
    if os.path.isdir(pdir):
        pages += [os.path.join(pdir, n) for n in sorted(os.listdir(pdir)) if n.endswith('.html.gz')]
if small:
    pages = pages[::max(1, len(pages) // 12)][:12]

dates, paras = set(), set()
bodies = []
for path in pages:
    with gzip.open(path, 'rb') as f:
        page = f.read()
    write('article', page[:MAX_PAGE])
    for pat in DATE_PATTERNS:
        for m in pat.findall(page)[:8]:
            dates.add(html.unescape(m.decode('utf-8', 'replace')).strip())
    for m in PARA.findall(page)[:3]:
        text = html.unescape(TAG.sub('', m.decode('utf-8', 'replace'))).strip()
        if text:
            paras.add(text)

for sub in ('dates', 'readability', 'trafilatura'):
    truth = os.path.join(corpus, sub, 'truth.json')
    if not os.path.exists(truth):
        continue
    with open(truth) as f:
        entries = json.load(f)
    for key, entry in list(entries.items())[: 20 if small else None]:
        for field in ('date', 'published'):
            if entry.get(field) and entry[field] != 'None':
                dates.add(entry[field])
        body = entry.get('body')
        if body:
            paras.add(body.split('\n', 1)[0][:400])
            bodies.append(body[:16384])

dates, paras = sorted(dates), sorted(paras)
if small:
    dates, paras = dates[:40], paras[:40]
for d in dates:
    write('timestamp', selector(d) + d.encode())
for p in paras:
    write('dateline', p)
    write('tokenize', p)
for b in bodies[: 20 if small else None]:
    write('analysis', b)
