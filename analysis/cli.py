"""Command line: ``python -m analysis annotate | report | corpus | lab``.

Exit status: 0 success; 2 bad input (one line on stderr starting with ``error:``);
1 internal error (a hint to report it; the traceback only with ``--debug``).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
import warnings
from pathlib import Path

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT = 0, 1, 2

EPILOG = """\
exit status:
  0  success
  1  internal error (a bug: please report it; --debug shows the traceback)
  2  bad input: one line on stderr starting with 'error:' says what is wrong

examples:
  python -m analysis annotate --out out/                 # the embedded seed article
  python -m analysis annotate my_article.txt --published 2024-03-01 --out out/
  python -m analysis report my_article.html --out reports/my-article
  python -m analysis report my_articles/                 # compare the articles of a folder
  python -m analysis report https://example.org/news/story.html   # fetched; kept as source.html
  python -m analysis corpus articles/ --out corpus-out --workers 2
  python -m analysis lab                                 # JupyterLab on my-notebooks/
"""


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one ``error:`` line and exit status 2."""

    def error(self, message):  # noqa: D401
        self.exit(EXIT_INPUT, f"error: {message} (see '{self.prog} --help')\n")


def _seed() -> str:
    from . import SEED

    return str(SEED)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m analysis",
        description="Close reading of news articles: tidy tables of tokens, terms, actors, quotes, "
        "sentiment, stance and a timeline, with exact character offsets into the text.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--debug", action="store_true", help="show the full traceback of an internal error")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("annotate", help="annotate one article and write its tables as CSV",
                       description="Annotate one article; write article.json and one CSV per layer "
                       "(paragraphs, sentences, tokens, and every analysis layer installed).",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", nargs="?", help="article file (.txt, .md or .html) or a web address (http://, https://); "
                   "default: the seed article")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date, or an ISO date and time such as "
                   "2019-11-20T11:19:29Z (overrides the sidecar .yml and the page)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write the tables into")
    p.add_argument("--layers", metavar="L1,L2", help="only these layers (comma-separated)")
    _add_debug(p)

    p = sub.add_parser("report", help="the main job: executed notebooks, charts, tables and an index page",
                       description="Run every numbered notebook on one article and collect the executed "
                       "notebooks (HTML), charts (PNG+SVG), tables (CSV) and an index page in one folder.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", nargs="?", help="article file, a web address (http://, https://), or a folder of "
                   "articles to compare (its first article is read in the one-article notebooks); default: the seed article")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date, or an ISO date and time such as "
                   "2019-11-20T11:19:29Z (overrides the sidecar .yml and the page)")
    p.add_argument("--out", metavar="DIR", help="output folder; default: reports/<article-slug>/")
    p.add_argument("--corpus", metavar="DIR", help="a folder of articles for the comparison notebook, or 'demo' "
                   "for the demo corpus (invented teaching texts); default: none")
    _add_debug(p)

    p = sub.add_parser("lab", help="JupyterLab on my-notebooks/, a working copy of the lessons (localhost, token)",
                       description="Copy the lessons into my-notebooks/ (only those missing there; yours are never "
                       "overwritten) and start JupyterLab on it: kernels run in this folder, so ARTICLE = "
                       "\"my_article.txt\" finds a file put here; 127.0.0.1 only, with a token; no news pop-up.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--port", type=int, metavar="N", help="the port (default: 8888, or the next free one)")
    p.add_argument("--browser", action="store_true", help="open a web browser")
    _add_debug(p)

    p = sub.add_parser("corpus", help="annotate a folder of articles into Parquet tables",
                       description="Annotate every .txt/.md/.html article in a folder on all cores (or a Dask "
                       "cluster), streaming each layer to Parquet under --out.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("folder", help="folder of articles")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder for the Parquet layers")
    p.add_argument("--workers", type=int, default=None, metavar="N", help="worker processes (default: all cores)")
    p.add_argument("--engine", choices=["process", "dask"], default="process")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="a running Dask scheduler (implies --engine dask)")
    _add_debug(p)
    return parser


def _add_debug(parser: argparse.ArgumentParser) -> None:
    # also accepted after the command; SUPPRESS keeps the top-level value when absent
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show the full traceback of an internal error")


def output_folder(out) -> Path:
    """``out`` as a folder that exists and is writable, or an :class:`InputError` saying why not."""
    from .errors import InputError

    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"--out {folder} is a file, not a folder; give a folder to write into")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the output folder {folder}: {exc.strerror or exc}") from None
    if not os.access(folder, os.W_OK):
        raise InputError(f"cannot write into the output folder {folder}: permission denied")
    return folder


#: a publication date earlier than this year is taken for a typing mistake (a warning, not an error)
EARLIEST_YEAR = 1800


def date_warning(date, *, today=None) -> str | None:
    """Why a publication date looks wrong (more than a year after today, or before 1800), else None.

    >>> import datetime as dt
    >>> date_warning(dt.date(2204, 11, 4), today=dt.date(2024, 1, 1))
    'the publication date 2204-11-04 is more than a year after today (2024-01-01): is it a typing mistake? Relative dates are computed from it.'
    >>> date_warning(dt.date(2021, 9, 16)) is None
    True
    """
    import datetime as _dt

    if date is None:
        return None
    today = today or _dt.date.today()
    if date > today + _dt.timedelta(days=366):
        return (f"the publication date {date.isoformat()} is more than a year after today ({today.isoformat()}): "
                "is it a typing mistake? Relative dates are computed from it.")
    if date.year < EARLIEST_YEAR:
        return (f"the publication date {date.isoformat()} is before {EARLIEST_YEAR}: is it a typing mistake? "
                "Relative dates are computed from it.")
    return None


def warn_if_implausible(date) -> str | None:
    """Issue :func:`date_warning` as an :class:`~analysis.errors.InputWarning`; return it."""
    from .errors import InputWarning

    message = date_warning(date)
    if message:
        warnings.warn(message, InputWarning, stacklevel=2)
    return message


def cmd_annotate(args) -> int:
    from . import annotate, load_article
    from .document import BASE_LAYERS, LAYERS, available_layers

    output_folder(args.out)
    article = load_article(args.path or _seed(), published=args.published)
    warn_if_implausible(article.published)
    doc = annotate(article)
    layers = None
    if args.layers:
        layers = [name.strip() for name in args.layers.split(",") if name.strip()]
        known = set(BASE_LAYERS) | set(available_layers())
        unknown = [name for name in layers if name not in known]
        if unknown:
            from .errors import InputError

            raise InputError(f"unknown layer(s) {', '.join(unknown)}; choose from {', '.join(list(BASE_LAYERS) + [n for n in LAYERS if n in known])}")
    written = doc.to_folder(args.out, layers=layers)
    written += save_fetched_page(article, args.out)
    s = doc.summary()
    title = repr(s["title"]) if s.get("title") else "(untitled)"
    print(f"{title}: {s['n_paragraphs']} paragraphs, {s['n_sentences']} sentences, {s['n_tokens']} tokens")
    print(f"wrote {len(written)} files to {Path(args.out)}/")
    return EXIT_OK


def save_fetched_page(article, folder) -> list[Path]:
    """``source.html`` and ``source.yml`` of an article fetched from a URL (see
    :meth:`analysis.article.Article.save_source`); nothing for a file."""
    return article.save_source(folder)


def cmd_report(args) -> int:
    from .report import main as report_main

    return report_main(args)


def cmd_corpus(args) -> int:
    from .corpus import main as corpus_main

    return corpus_main(args)


def cmd_lab(args) -> int:
    from .lab import main as lab_main

    return lab_main(args)


COMMANDS = {"annotate": cmd_annotate, "report": cmd_report, "corpus": cmd_corpus, "lab": cmd_lab}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_INPUT
    from .errors import InputError, InputWarning

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", InputWarning)
            warnings.showwarning = _show_warning
            return COMMANDS[args.command](args)
    except InputError as exc:
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the CLI's last line of defence
        if args.debug:
            traceback.print_exc()
        print(f"internal error: {type(exc).__name__}: {_one_line(exc)}\n"
              "This is a bug in analysis; please report it with the command you ran "
              "(add --debug for the traceback).", file=sys.stderr)
        return EXIT_INTERNAL


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _show_warning(message, category, filename, lineno, file=None, line=None):
    print(f"warning: {message}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
