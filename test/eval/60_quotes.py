#!/usr/bin/env python3
"""test/eval/60_quotes.py DB: speaker precision and recall of news.quotes.

Runs news.quotes over the hand-written set test/fixtures/quotes.tsv and
prints quote detection and speaker attribution figures.  A speaker counts
as right when it equals the expected name or one ends with the other as a
surname ("Modi" / "Narendra Modi"); 'A/B' in the set accepts either.  An expected '-' means the text does
not tell who speaks: any name given there counts against precision.
Then shows what news.quotes and news.cited_sources make of the sample
article text in $PG_NEWS_SHARED/seed, if it is there.
"""
import glob
import os
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("PG_NEWS_SHARED", os.path.join(os.path.dirname(TOP), "shared"))


def psql(db, sql):
    out = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-d", db],
                         input=sql.encode("utf-8"), capture_output=True, check=False)
    if out.returncode != 0:
        sys.exit("psql failed: " + out.stderr.decode("utf-8", "replace"))
    return [line.split("\t") for line in out.stdout.decode("utf-8").splitlines() if line]


def literal(s):
    return "'" + s.replace("'", "''") + "'"


def same_speaker(got, want):
    if "/" in want:
        return any(same_speaker(got, w) for w in want.split("/"))
    if got == want:
        return True
    if got == "-" or want == "-":
        return False
    g, w = got.split(), want.split()
    return g[-1] == w[-1] and (len(g) == 1 or len(w) == 1)


def load_cases(name):
    cases = []
    with open(os.path.join(TOP, "test", "fixtures", name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            case, body, expected = line.rstrip("\n").split("\t")
            cases.append((int(case), body.replace("\\n", "\n"), expected.split("|")))
    return cases


def score(db, name, label):
    cases = load_cases(name)
    values = ",\n".join(f"({c}, {literal(b)})" for c, b, _ in cases)
    rows = psql(db, f"""
        SELECT c.id, q.n, coalesce(q.speaker, '-'), replace(q.quote, E'\n', ' ')
        FROM (VALUES {values}) AS c(id, body)
        CROSS JOIN LATERAL news.quotes(c.body) WITH ORDINALITY AS q(quote, speaker, speaker_role, cue, paragraph, partial, n)
        ORDER BY c.id, q.n;""")
    got = {}
    for case, _, speaker, quote in rows:
        got.setdefault(int(case), []).append((speaker, quote))

    expected_quotes = found_quotes = matched_quotes = 0
    expected_named = predicted_named = correct = null_kept = null_expected = 0
    failures = []
    for case, body, expected in cases:
        predicted = got.get(case, [])
        expected_quotes += len(expected)
        found_quotes += len(predicted)
        matched_quotes += min(len(expected), len(predicted))
        expected_named += sum(1 for e in expected if e != "-")
        null_expected += sum(1 for e in expected if e == "-")
        for i, (speaker, _) in enumerate(predicted):
            if speaker != "-":
                predicted_named += 1
            if i < len(expected):
                if expected[i] != "-" and same_speaker(speaker, expected[i]):
                    correct += 1
                elif expected[i] == "-" and speaker == "-":
                    null_kept += 1
        if [s for s, _ in predicted] != expected and not (
                len(predicted) == len(expected) and all(same_speaker(s, e) or s == e == "-"
                                                        for (s, _), e in zip(predicted, expected))):
            failures.append((case, expected, [s for s, _ in predicted]))

    def ratio(a, b):
        return a / b if b else 0.0

    print(f"news.quotes on {label}: {name}, {len(cases)} cases ({expected_quotes} direct quotes)")
    print(f"  quote detection : precision {ratio(matched_quotes, found_quotes):.3f}  "
          f"recall {ratio(matched_quotes, expected_quotes):.3f}  ({found_quotes} found)")
    print(f"  speakers        : precision {ratio(correct, predicted_named):.3f}  "
          f"recall {ratio(correct, expected_named):.3f}  "
          f"({correct} right of {predicted_named} named, {expected_named} expected)")
    print(f"  no-speaker cases: {null_kept} of {null_expected} left NULL rather than guessed")
    for case, expected, predicted in failures:
        print(f"  case {case}: expected {expected}, got {predicted}")


def main():
    db = sys.argv[1]
    score(db, "quotes.tsv", "the set the rules were tuned on")
    score(db, "quotes_holdout.tsv", "a held-out set, never tuned on")

    seeds = sorted(glob.glob(os.path.join(SHARED, "seed", "*.txt")))
    if seeds:
        with open(seeds[0], encoding="utf-8") as f:
            body = "\n".join(line.strip() for line in f if line.strip())
        print(f"sample text {os.path.basename(seeds[0])}:")
        for para, speaker, cue, quote in psql(db, f"""
                SELECT paragraph, coalesce(speaker, '-'), coalesce(cue, '-'), left(replace(quote, E'\n', ' '), 60)
                FROM news.quotes({literal(body)})"""):
            print(f"  quote p{para:<3} {speaker:<18} {cue:<13} {quote}")
        for source, kind, mentions in psql(db, f"""
                SELECT source, kind, mentions FROM news.cited_sources({literal(body)})"""):
            print(f"  source {source} ({kind}, {mentions})")


if __name__ == "__main__":
    main()
