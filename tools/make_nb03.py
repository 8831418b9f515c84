import sys; sys.path.insert(0, "tools")
from notebook_builder import build, parameter_cells
cells = [
("md", r"""
# 03 · Actor mentions: who is in the article, under which names, and who speaks?

**What you will learn:** how the package finds every state, bloc, armed group, news outlet and person
in an article — under every name they go by ("Russia", "Moscow", "Russian", "the Kremlin"; "the bloc";
"the minister", "he") — and how it decides who said each quotation. You will read the results as
tables, a highlighted text, a heatmap, a bar chart and a network.

**Time:** 30 minutes · **Level:** beginner to intermediate · **You need:** notebook 01 (documents, paragraphs, offsets)
· **Libraries:** `analysis` (a gazetteer kept as data: pycountry, demonyms, capitals, organisations, role nouns),
pandas, networkx, matplotlib
"""),
*parameter_cells(),
("code", r"""
from pathlib import Path
import analysis
from analysis import actors
from analysis.export import save, save_table

doc = analysis.annotate(analysis.load_article(ARTICLE or analysis.SEED, published=PUBLISHED))
charts = Path(EXPORT_DIR) / "charts" if EXPORT_DIR else None
tables = Path(EXPORT_DIR) / "tables" if EXPORT_DIR else None
doc
"""),
("md", r"""
## 1. Every mention, and how it was recognised
One row per mention. `actor_id` is an ISO code for a state (RUS, USA, AFG), the usual acronym for an
organisation (CSTO, NATO, UN) and a readable slug for a person. `how` tells you **why** the mention
counts for that actor:

| how | example |
|---|---|
| name | "Afghanistan", "Sergei Lavrov" |
| acronym | "CSTO" after "Collective Security Treaty Organization" |
| demonym | "Afghan", "the Americans" |
| metonym | "Moscow", "the Kremlin" standing for the government |
| role | "the minister", "the Uzbek authorities", "the head of the … Foreign Ministry" |
| alias | a surname after the full name; "the bloc" for the last organisation that is a bloc |
| pronoun | "he" as the subject that says something |

`role` is a CAMEO-style code for the part of a state that acts (GOV government, MIL military, MED media …).
Cities used as venues ("in Dushanbe", "in Geneva") and regions are tagged `place`, not actors.
"""),
("code", r"""
doc.mentions[["para_id", "text", "actor_id", "actor_type", "role", "how"]]
"""),
("code", r"""
doc.mentions.how.value_counts()
"""),
("md", "## 2. The article with its actors highlighted\nHover a highlighted phrase to see the actor, its id, its role and how it was resolved."),
("code", r"""
actors.highlight(doc)
"""),
("md", "## 3. Who is in the article?\nOne row per actor, most mentioned first; `first_para` is where the reader first meets it."),
("code", r"""
table = actors.actor_table(doc)
save_table(table, "03-actors", tables)
save_table(doc.mentions, "03-mentions", tables)
table
"""),
("code", r"""
fig = analysis.plots.top_actors_chart(doc, n=5)
save(fig, "03-top-actors", charts)
fig
"""),
("md", r"""
## 4. Who appears where
Rows are actors, columns paragraphs. Read it from left to right as the article's *cast list*: who opens the
story, who enters late, who is present throughout.
"""),
("code", r"""
actors.actor_paragraph_matrix(doc, top=15)
"""),
("code", r"""
fig = analysis.plots.actor_heatmap(doc, top=15)
save(fig, "03-actor-heatmap", charts)
fig
"""),
("md", r"""
## 5. Who is named together?
Two actors are linked when one sentence names both; the thicker the line, the more sentences. A network
shows the article's *frame*: which actors it sets side by side (and which never meet).
"""),
("code", r"""
g = actors.cooccurrence(doc)
sorted(((d["weight"], a, b) for a, b, d in g.edges(data=True)), reverse=True)[:10]
"""),
("code", r"""
fig = analysis.plots.actor_network(doc)
save(fig, "03-actor-network", charts)
fig
"""),
("md", r"""
## 6. Who said what
Each quotation with its speaker and the verb that attributes it (`cue`). `kind` is **direct** (a whole
utterance in quotation marks), **partial** (a few quoted words woven into the journalist's sentence) or
**mixed** (a reported clause, "X recalled that “…”"). A quote from a document ("the document states …") is
given to the organisation whose document it is.
"""),
("code", r"""
said = actors.who_said_what(doc)
save_table(said, "03-who-said-what", tables)
said
"""),
("code", r"""
# which actors speak, and which are only spoken about?
speakers = set(doc.quotes.speaker_id) - {""}
table.assign(quoted=table.actor_id.isin(speakers))[["actor", "actor_type", "n_mentions", "quoted"]]
"""),
("md", r"""
## 7. Try it on your own sentence
The rules are general: they know no article in advance. Change the text and see what is found.
"""),
("code", r"""
test = analysis.annotate("Headline\n\nIndian Foreign Minister Priya Nair met her Brazilian counterpart in Brasilia. "
                         "“We want a fair deal,” the minister said. New Delhi and the African Union will meet again.")
test.mentions[["text", "actor_id", "actor_type", "how"]]
"""),
("md", r"""
You can add your own actors (a party, an NGO, a politician the lists do not know) with a YAML or CSV file:
`actors.add_gazetteer("my_actors.yml")` — each entry needs `id`, `name` and `type`; a mistake is reported
with the file, the line and the field.

## What this measures, and what it misses
* The gazetteer knows every UN member and observer state, their capitals and adjectives, common seats of
  power, ~45 intergovernmental organisations, ~25 armed groups and ~45 news organisations. Anything else is
  found only by rule: a capitalised name after a title or next to a speech verb, an acronym in brackets.
* "he"/"she" is resolved only to people, and to the most recent person who was the subject of a sentence;
  "they", "it" and "we" are not resolved (in the example, "We" in Lavrov's quotes means Russia).
* Adjectives count as mentions ("Russian military bases" mentions Russia). That is a choice: it shows how
  present a state is in the article, not whether it *acts*.
* A capital after "in", "at", "to" is a venue; elsewhere it stands for its state. "Talks from Kabul"
  and "flights from Kabul" are told apart only by that preposition.

## For discussion
1. Which actors speak, and which are only spoken about? Why might some never be quoted (in the example article: the Taliban)?
2. What does writing "Moscow" or "the Kremlin" instead of "Russia" do to the reader's picture of who acts?
3. Whose words are quoted in full sentences, and whose only in fragments (in the example article: Lavrov against the CSTO's statement)? What difference does that make?
4. Look at the network: which actors are never named in the same sentence? What does that absence suggest?
"""),
]
build("notebooks/03-actor-mentions.ipynb", cells)
