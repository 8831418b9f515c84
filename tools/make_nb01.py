import sys; sys.path.insert(0, "tools")
from notebook_builder import build, parameter_cells
cells = [
("md", r"""
# 01 · Tokenize and annotate: what is in the article?

**What you will learn:** how the package reads an article (title, byline, author, body, boilerplate),
how it cuts the body into paragraphs, sentences and tokens, and what each token carries: its exact
position in the text, a part-of-speech tag, a lemma and a stopword flag.

**Time:** 20 minutes · **Level:** beginner · **You need:** a little pandas (`df.head()`, `df[df.col == x]`)
· **Libraries:** `analysis` (NLTK Punkt and word tokenizer, TextBlob's pattern tagger, lemminflect), pandas

Every table below is a plain pandas DataFrame. Every row points back into the untouched text with
`start` and `end` character offsets, so `text[start:end]` is always exactly the row's `text`.
"""),
*parameter_cells("Change these to analyse another article (a `.txt`, `.md` or `.html` file). `None` means the embedded example article."),
("code", r"""
from pathlib import Path
import analysis

article = analysis.load_article(ARTICLE or analysis.SEED, published=PUBLISHED)
doc = analysis.annotate(article)
doc
"""),
("md", r"""
## 1. The article and its blocks
The file is split at blank lines into *blocks*. The first short line is taken as the title; short lines
after it as a byline ("Written by …", "By …"), an author's name or a dateline; a closing "About the author"
block and everything after it as boilerplate. Only **body** blocks become paragraphs.
Nothing is thrown away: the blocks and the blank lines between them rebuild the file exactly.
"""),
("code", r"""
article.blocks[["block_id", "kind", "para_id", "start", "end", "text"]]
"""),
("code", r"""
{key: article.meta.get(key) for key in ("title", "author", "source", "published", "encoding", "notes")}
"""),
("md", r"""
## 2. Paragraphs and sentences
Sentences come from NLTK's Punkt algorithm, which decides whether a full stop ends a sentence by looking
at the words around it (and a list of abbreviations such as *Mr.* and *U.S.*). It never lets a sentence
run across a paragraph break.
"""),
("code", r"""
per_para = doc.sentences.groupby("para_id").size().rename("sentences")
doc.paragraphs.set_index("para_id").join(per_para)[["sentences", "text"]]
"""),
("code", r"""
doc.sentences.assign(words=doc.tokens[~doc.tokens.is_punct].groupby("sent_id").size().values)[["sent_id", "para_id", "words", "text"]].head(10)
"""),
("md", r"""
**Check it yourself.** Each sentence's offsets point into the source text:
"""),
("code", r"""
row = doc.sentences.iloc[0]
doc.text[row.start:row.end] == row.text
"""),
("md", r"""
## 3. Tokens, tags and lemmas
A *token* is a word or a punctuation mark. `pos` is a Penn Treebank part-of-speech tag (NN noun, NNP
proper noun, VBD past-tense verb, JJ adjective …), `lemma` the dictionary form (*ministers* → *minister*,
*was* → *be*), `is_stop` marks very common function words. Curly and straight apostrophes are treated
alike: `CSTO’s` is `CSTO` + `’s`.
"""),
("code", r"""
doc.tokens[["token_id", "sent_id", "text", "pos", "lemma", "is_stop", "is_punct"]].head(20)
"""),
("code", r"""
# the tokens with their trailing whitespace rebuild each paragraph exactly
first = doc.tokens[doc.tokens.para_id == 1]
"".join(first.text + first.whitespace) == doc.paragraphs.text.iloc[0]
"""),
("md", "### Which parts of speech dominate?"),
("code", r"""
doc.tokens[~doc.tokens.is_punct].pos.value_counts().head(12)
"""),
("md", "### Proper nouns: who and where the article names"),
("code", r"""
doc.tokens[doc.tokens.pos.str.startswith("NNP")].text.value_counts().head(15)
"""),
("md", r"""
### Stopwords
The stopword list is spaCy's English list (312 words). Add your own for one session with
`analysis.add_stopwords("said")`; `analysis.reset_stopwords()` undoes it.
"""),
("code", r"""
share = doc.tokens[~doc.tokens.is_punct].is_stop.mean()
print(f"{share:.0%} of the word tokens are stopwords")
"""),
("code", r"""
if EXPORT_DIR:
    from analysis.export import save_table
    for name in ("paragraphs", "sentences", "tokens"):
        save_table(doc.layer(name), name, Path(EXPORT_DIR) / "tables")
"""),
("md", r"""
## What this measures, and what it misses
* The tagger is a fast rule-and-lexicon tagger (TextBlob's bundled copy of *pattern*), not a neural
  model: expect a few wrong tags on unusual words (an unknown capitalised word is guessed to be a proper noun).
* Sentence splitting is statistical guesswork around full stops; odd spacing around quotation marks
  (as in paragraph 11 of the example) is handled, but check long sentences by eye.
* Lemmas come from lemminflect's dictionary and rules: *Afghans* → *afghan*, but proper nouns keep their form.

## For discussion
1. How long are the sentences in the paragraphs that report what officials *said*, compared with the others? Why might that be?
2. Which proper nouns appear most often? Does the count match your sense of who the article is about?
3. What would be lost if we had deleted the byline and the "About the author" block instead of keeping them as blocks?
"""),
]
build("notebooks/01-tokenize-and-annotate.ipynb", cells)
