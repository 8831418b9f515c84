"""The annotated article: one pandas DataFrame per layer, all keyed by character offsets.

``annotate(article)`` computes the structural layers (paragraphs, sentences, tokens) at once;
the analysis layers (terms, mentions, quotes, sentiment, stance, timexes, events) are computed
the first time they are read and then kept. Each analysis layer is a function
``layer(doc) -> DataFrame`` in its own module, listed in :data:`LAYERS`; a layer whose module
is not installed is simply absent.

>>> doc = annotate(from_text("Headline\\n\\nThe minister spoke. Then he left."))
>>> doc.sentences["text"].tolist()
['The minister spoke.', 'Then he left.']
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from pathlib import Path

import pandas as pd

from .article import Article, from_text, is_url, load_article
from ._frames import column_values
from .segment import segment

#: analysis layers in the order they are written: name -> "module:function"
LAYERS: dict[str, str] = {
    "terms": "analysis.terms:terms",
    "mentions": "analysis.actors:mentions",
    "clauses": "analysis.clauses:clauses",
    "quotes": "analysis.quotes:quotes",
    "sentiment": "analysis.sentiment:sentiment",
    "stance": "analysis.stance:stance",
    "timexes": "analysis.timeline:timexes",
    "events": "analysis.timeline:events",
}
BASE_LAYERS = ("paragraphs", "sentences", "tokens")


def available_layers() -> list[str]:
    """Names of the analysis layers whose modules exist in this installation."""
    out = []
    for name, target in LAYERS.items():
        module = target.split(":")[0]
        if importlib.util.find_spec(module) is not None:
            out.append(name)
    return out


class Document:
    """An annotated article.

    Attributes:
        article: the :class:`~analysis.article.Article` (source text, blocks, metadata).
        text: the source text every ``start``/``end`` points into.
        paragraphs: ``para_id, start, end, text``.
        sentences: ``sent_id, para_id, start, end, text``.
        tokens: ``token_id, sent_id, para_id, start, end, text, whitespace, lower, lemma, pos,
            is_stop, is_punct, is_alpha``.

    Analysis layers (``doc.terms``, ``doc.mentions``, ...) are computed on first access.
    """

    def __init__(self, article: Article, paragraphs: pd.DataFrame, sentences: pd.DataFrame, tokens: pd.DataFrame):
        self.article = article
        self.text = article.text
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.tokens = tokens
        self._layers: dict[str, pd.DataFrame] = {}

    @property
    def meta(self) -> dict:
        return self.article.meta

    @property
    def title(self) -> str | None:
        return self.article.title

    @property
    def published(self):
        return self.article.published

    def __getattr__(self, name: str):
        # only called when normal lookup fails: lazily computed analysis layers
        if name.startswith("_") or name not in LAYERS:
            raise AttributeError(f"{type(self).__name__!s} has no attribute {name!r}")
        return self.layer(name)

    def layer(self, name: str) -> pd.DataFrame:
        """The layer called ``name`` (computed once, then cached)."""
        if name in BASE_LAYERS:
            return getattr(self, name)
        if name not in self._layers:
            if name not in LAYERS:
                raise ValueError(f"unknown layer {name!r}; layers are {', '.join(BASE_LAYERS + tuple(LAYERS))}")
            module, func = LAYERS[name].split(":")
            try:
                mod = importlib.import_module(module)
            except ModuleNotFoundError as exc:
                if exc.name == module:
                    raise AttributeError(f"layer {name!r} is not available in this installation") from None
                raise
            self._layers[name] = getattr(mod, func)(self)
        return self._layers[name]

    def token_list(self, column: str) -> list:
        """One column of :attr:`tokens` as a Python list, made once and shared by the analysis
        layers, which read tokens by position. Read-only: copy it before changing it.

        >>> doc = annotate(from_text("Headline\\n\\nThe minister spoke."))
        >>> doc.token_list("lower"), doc.token_list("lower") is doc.token_list("lower")
        (['the', 'minister', 'spoke', '.'], True)
        """
        cached = self.__dict__.get("_token_lists")
        if cached is None or cached[0] is not self.tokens:  # a new tokens table: start again
            from .segment import token_lists

            # the lists segment() built the table from, when it is that table
            cached = self.__dict__["_token_lists"] = (self.tokens, dict(token_lists(self.tokens) or {}))
        lists = cached[1]
        if column not in lists:
            lists[column] = column_values(self.tokens, column).tolist()
        return lists[column]

    def layers(self) -> dict[str, pd.DataFrame]:
        """Every available layer by name (computing the analysis layers)."""
        out = {name: getattr(self, name) for name in BASE_LAYERS}
        for name in available_layers():
            out[name] = self.layer(name)
        return out

    def summary(self) -> dict:
        """Title, author, source, published and the sizes of the structural layers."""
        meta = self.article.meta
        return {
            "title": meta.get("title"),
            "author": meta.get("author"),
            "source": meta.get("source"),
            "published": meta["published"].isoformat() if meta.get("published") else None,
            "n_paragraphs": len(self.paragraphs),
            "n_sentences": len(self.sentences),
            "n_tokens": len(self.tokens),
            "sha256": meta.get("sha256"),
        }

    def to_folder(self, folder, *, layers: list[str] | None = None) -> list[Path]:
        """Write ``article.json`` and one CSV per layer into ``folder``; return the paths."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        info = self.summary()
        info.update({k: self.article.meta.get(k) for k in ("original_source", "encoding", "path", "slug", "published_note",
                                                            "published_detail", "url", "final_url", "fetched_at", "format",
                                                            "extractor", "metadata_from", "warnings") if self.article.meta.get(k)})
        if self.article.meta.get("published_from"):
            info["published_from"] = self.article.meta["published_from"]  # sidecar, argument, dateline, ...
        dateline = self.article.meta.get("dateline")
        if dateline:
            info["dateline"] = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in dateline.items()}
        info["notes"] = list(self.article.meta.get("notes", []))
        from .export import csv_ready

        written = [folder / "article.json"]
        written[0].write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        for name in layers or list(BASE_LAYERS) + available_layers():
            path = folder / f"{name}.csv"
            csv_ready(self.layer(name)).to_csv(path, index=False)  # dates at the precision of their value
            written.append(path)
        return written

    def __repr__(self) -> str:
        s = self.summary()
        return (f"<Document {s['title']!r}: {s['n_paragraphs']} paragraphs, {s['n_sentences']} sentences, "
                f"{s['n_tokens']} tokens; published {s['published'] or 'unknown'}>")


def annotate(article, *, published=None) -> Document:
    """Annotate an article: paragraphs, sentences and tokens now, the other layers on demand.

    Args:
        article: an :class:`Article`, a path to an article file, a web address, or the article's text.
        published: publication date (``YYYY-MM-DD``) when ``article`` is a path or text.
    """
    if isinstance(article, Article):
        if published is not None:
            from .article import parse_date

            meta = {**article.meta, "published": parse_date(published, what="publication date"), "published_from": "argument"}
            article = Article(article.text, article.blocks, meta, source_html=article.source_html)
    elif is_url(article):  # a web address: fetched, never analysed as text
        article = load_article(article, published=published)
    elif isinstance(article, Path) or (isinstance(article, str) and "\n" not in article and len(article) < 4096 and Path(article).suffix and Path(article).exists()):
        article = load_article(article, published=published)
    elif isinstance(article, str):
        article = from_text(article, published=published)
    else:
        raise TypeError(f"annotate expects an Article, a path or a str, not {type(article).__name__}")
    paragraphs = article.paragraphs
    sentences, tokens = segment(article.text, paragraphs)
    return Document(article, paragraphs, sentences, tokens)
