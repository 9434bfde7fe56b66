"""test/stress/common.py: what the stress scripts share: the corpus (found
beside the main checkout when run from a worktree), a long-lived psql
session, and a backend's memory from /proc/<pid>/status."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(TOP, "test", "harness"))
import corpus  # noqa: E402


def find_corpus():
    """The shared corpus: $PG_NEWS_SHARED, else beside the main checkout."""
    if os.path.isdir(corpus.CORPUS):
        return corpus.CORPUS
    common = subprocess.run(["git", "-C", TOP, "rev-parse", "--path-format=absolute", "--git-common-dir"],
                            capture_output=True, text=True).stdout.strip()
    if common:
        shared = os.path.join(os.path.dirname(os.path.dirname(common)), "shared")
        if os.path.isdir(os.path.join(shared, "corpus")):
            corpus.SHARED = shared
            corpus.CORPUS = os.path.join(shared, "corpus")
    return corpus.CORPUS


def memory(pid):
    """VmRSS and VmHWM of a process, in kB."""
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    return values["VmRSS"], values["VmHWM"]


class Session:
    """One psql process kept open, so every statement runs in one backend."""

    def __init__(self, db, settings=()):
        self.proc = subprocess.Popen(["psql", "-X", "-q", "-At", "-d", db], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        for s in settings:
            self.run(s)
        self.pid = int(self.run("SELECT pg_backend_pid()"))

    def run(self, sql):
        """Runs one statement; returns its output (errors included) as text."""
        marker = "-- stress-done --"
        self.proc.stdin.write(sql.rstrip().rstrip(";") + ";\n\\echo " + marker + "\n")
        self.proc.stdin.flush()
        lines = []
        for line in self.proc.stdout:
            if line.rstrip("\n") == marker:
                break
            lines.append(line.rstrip("\n"))
        return "\n".join(lines)

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()
