"""Run every benchmark in turn and print its figures (``make bench``).

Each script times its own layer against a baseline run in the same process (usually
``analysis.annotate`` on the seed, or bare NLTK tokenization) and prints ratios. Pass ``--full`` to
run the corpus benchmark at full size (1,000 and 4,000 articles: several minutes).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ["bench_annotate.py", "bench_terms.py", "bench_actors.py", "bench_sentiment.py",
           "bench_timeline.py", "timebank_eval.py", "bench_corpus.py"]


def main(argv: list[str]) -> int:
    full = "--full" in argv
    failed = []
    for name in SCRIPTS:
        args = [sys.executable, str(HERE / name)]
        if name == "bench_corpus.py" and not full:
            args.append("--small")
        print(f"\n=== {name} {' '.join(args[2:])}", flush=True)
        if subprocess.run(args).returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
