"""analysis: close reading of news articles in Jupyter notebooks.

>>> import analysis
>>> doc = analysis.annotate(analysis.SEED)       # the embedded example article
>>> doc.tokens.head()                           # doctest: +SKIP

The public names: :func:`load_article`, :func:`from_text`, :func:`annotate`, :data:`SEED`,
:class:`Article`, :class:`Document`, :class:`InputError`. Analysis modules (``analysis.terms``,
``analysis.actors``, ``analysis.sentiment``, ``analysis.timeline``, ``analysis.plots`` ...)
are imported when used, so ``import analysis`` stays fast.
"""

from pathlib import Path

from .article import Article, from_text, load_article
from .document import LAYERS, Document, annotate, available_layers
from .errors import InputError, InputWarning
from .segment import add_stopwords, reset_stopwords, stopwords

__version__ = "0.1.0"


def _seed_path() -> Path:
    """The seed article: ``seeds/`` in a source checkout, else the copy inside the package."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "seeds" / "csto_dushanbe_2021.txt", here / "data" / "seeds" / "csto_dushanbe_2021.txt"):
        if candidate.is_file():
            return candidate
    return here.parent / "seeds" / "csto_dushanbe_2021.txt"


#: path of the embedded example article (with its sidecar ``.yml``)
SEED = _seed_path()

__all__ = ["Article", "Document", "InputError", "InputWarning", "LAYERS", "SEED", "add_stopwords",
           "annotate", "available_layers", "from_text", "load_article", "reset_stopwords", "stopwords"]
