"""Actors: every state, bloc, armed group, news outlet and person, under every name they go by.

The ``mentions`` layer finds actors with a gazetteer kept as data (``analysis/data/actors/``:
states from pycountry plus short names, demonyms and capitals; seats of power; organisations,
armed groups and news organisations; role nouns after GDELT/PETRARCH and CAMEO), finds people
who are in no list (a capitalised name after a title or next to a speech verb), and resolves
aliases within the article: a surname to the full name seen earlier, "the minister" to the most
recent person with that role, "he"/"she" to the most salient person, "the bloc" to the most
recent organisation of that kind, "Moscow" to Russia, "the Uzbek authorities" to Uzbekistan.

>>> import analysis
>>> doc = analysis.annotate("Headline\\n\\nIranian Foreign Minister Reza Karimi spoke in Geneva. "
...                         "The minister said Tehran was ready.")
>>> doc.mentions[["text", "actor_id", "how"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['Iranian', 'IRN', 'demonym'], ['Reza Karimi', 'reza-karimi', 'name'], ['Geneva', 'geneva', 'name'],
 ['The minister', 'reza-karimi', 'role'], ['Tehran', 'IRN', 'metonym']]

Extend the gazetteer for a session with :func:`add_gazetteer` (a YAML or CSV file of your own).
"""

from .gazetteer import Actor, Gazetteer, Surface, _builtin, add_gazetteer, gazetteer, reset_gazetteer, slug
from .resolver import mentions
from .schema import ACTOR_COLUMNS, ACTOR_TYPES, ENTRY_FIELDS, HOW, MENTION_COLUMNS
from .tokens import end_of_text_before, token_lists
from .user_gazetteer import read_gazetteer_file
from .views import (HighlightedText, actor_paragraph_matrix, actor_table, cooccurrence, highlight, mentions_in_span,
                    top_actors, who_said_what)

__all__ = ["ACTOR_COLUMNS", "ACTOR_TYPES", "ENTRY_FIELDS", "HOW", "MENTION_COLUMNS", "Actor", "Gazetteer", "actor_paragraph_matrix", "actor_table", "add_gazetteer", "cooccurrence",
           "gazetteer", "highlight", "mentions", "mentions_in_span", "read_gazetteer_file", "reset_gazetteer",
           "top_actors", "who_said_what"]
