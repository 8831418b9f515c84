import sys; sys.path.insert(0, "tools")
from notebook_builder import build
cells = [
("md", r"""
# 00 · Start here: what this package does and how to use it on your own article

**What you will learn:** what the `analysis` package measures in a news article, how to run it on your
own article (a file, or text pasted into a cell), what the three parameters at the top of every notebook
mean, where charts and tables are exported, and in which order to read the notebooks.

**Time:** 10 minutes · **Level:** beginner · **You need:** nothing but this notebook
· **Libraries:** `analysis`, pandas, ipywidgets (optional, for the interactive views)

The package reads one English news article and turns it into tidy **pandas tables**: paragraphs,
sentences and tokens, then terms, actors and quotes, sentiment and stance, and a timeline. Every row
keeps the exact position of its words in the original text (`start`, `end`), so you can always go back
from a number to the sentence that produced it.
"""),
("md", r"""
## 1. The example article
The package ships with one example: a Kommersant article republished by The Frontier Post in
September 2021. Loading it gives an *Article* (the text and its metadata); annotating it gives a
*Document* (one table per layer).
"""),
("md", "## Parameters\n`None` means the example article; the report fills these in for your article."),
("params", r"""
ARTICLE = None      # path to an article file; None = the embedded example article
PUBLISHED = None    # "YYYY-MM-DD" to set or override the publication date
EXPORT_DIR = None   # folder to save charts and tables into; None = don't save
"""),
("code", r"""
import analysis

doc = analysis.annotate(analysis.load_article(ARTICLE or analysis.SEED, published=PUBLISHED))
doc.summary()
"""),
("code", r"""
doc.paragraphs.head(3)
"""),
("md", r"""
## 2. Your own article
**From a file** — save the article as a `.txt` (or `.md`, `.html`) file, one blank line between
paragraphs, the title on the first line. Then:

```python
doc = analysis.annotate(analysis.load_article("my_article.txt", published="2024-03-01"))
```

A file `my_article.yml` next to it can give what the text lacks (`title:`, `author:`, `source:`,
`published: 2024-03-01`). Without a publication date the package still works, but relative dates
("today", "in April") keep their unknown parts (the year becomes `XXXX`).

**Pasted text** — put the text between triple quotes:
"""),
("code", r"""
pasted = '''Ministers meet to discuss water sharing

By A. Reporter

The foreign ministers of three neighbouring states met on Monday to discuss the sharing of river water.

They agreed to meet again next month. "We are closer than ever," one minister said.'''

mine = analysis.annotate(analysis.from_text(pasted, published="2024-03-04"))
mine.summary()
"""),
("code", r"""
mine.sentences[["sent_id", "para_id", "start", "end", "text"]]
"""),
("md", r"""
## 3. The parameters at the top of every notebook
Notebooks 01 and after begin with a cell tagged `parameters`:

| parameter | meaning | example |
|---|---|---|
| `ARTICLE` | path of the article file; `None` = the example article | `"articles/my_article.txt"` |
| `PUBLISHED` | publication date, overrides the `.yml` sidecar | `"2024-03-01"` |
| `EXPORT_DIR` | folder for charts (PNG + SVG) and tables (CSV); `None` = save nothing | `"exports/my-article"` |

Edit the cell and run the notebook, or let the report fill them in for you.

## 4. The whole analysis in one command
From a terminal in the project folder:

```bash
make report                                   # the example article -> reports/<slug>/
python -m analysis report my_article.txt --published 2024-03-01 --out reports/my-article
```

This runs every numbered notebook on the article and writes, in one folder: `index.html` (a summary
page with links to everything), `html/` (the executed notebooks as web pages), `notebooks/`,
`charts/` (every chart as PNG and SVG) and `tables/` (every table as CSV). Charts you make yourself
are saved with `analysis.export.save(fig, "my-chart", "exports")`.

## 5. The notebooks, in order
"""),
("code", r"""
from analysis.report import numbered_notebooks

for path in numbered_notebooks():
    print(path.name)
"""),
("md", r"""
* **00** start here (this notebook) · **01** tokens and annotation: how the text is cut up
* **02** term frequencies: what the article is about, in which words · **03** actors and quotes: who is
  named, under which names, and who said what · **04** sentiment and stance: tone, and who is for or
  against what · **05** timeline: when things happened, in the order they happened · **06** corpus: many
  articles at once

## 6. Explore interactively
In JupyterLab these are live controls (type a word, pick an actor, move the slider). In an exported web
page or a headless run they show a static view instead. Parts that need a layer that is not installed
say so.
"""),
("code", r"""
from analysis.widgets import actor_picker, kwic_search, paragraph_slider

kwic_search(doc)   # starts with the most frequent content word; type another
"""),
("code", r"""
actor_picker(doc)
"""),
("code", r"""
paragraph_slider(doc, para_id=1)
"""),
("md", r"""
## What the package measures, and what it misses
It counts and locates words, names, dates and cue phrases with transparent rules and lexicons; it does
not *understand* the article. Every number is a starting point for close reading, not a verdict: check
the sentences behind it (the offsets make that one line of pandas).

## For discussion
1. Before running anything: what do you expect the most frequent words of the example article to be?
2. Which questions about an article can counting words answer, and which can it not?
"""),
]
build("notebooks/00-start-here.ipynb", cells)
