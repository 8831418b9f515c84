"""Clauses: who does what to whom, one row per verb group that heads a clause.

Built on the part-of-speech tags the package already has (``doc.tokens``: TextBlob's Penn
Treebank tags, lemminflect lemmas); no parser model is needed. Each sentence is read in three
passes:

1. **Verb groups**: a main verb with the auxiliaries, modals, negation and adverbs before it
   ("has not been condemned", "would probably agree") and a particle after it ("backed up").
   A group is *finite* (it has a tense: a modal or a past/present form, or a bare verb right after
   its subject when the tagger missed the tense), an infinitive ("to lift"), a gerund ("agreeing")
   or a participle ("imposed in 1989"). *be*/*get* + participle is passive.
2. **Subjects**, left of the group: the noun phrase back to the clause boundary, skipping
   appositions and parentheticals between commas or brackets ("Myron Ebell, of the institute,
   claimed"); after *which*/*who*/*that* the antecedent ("the US, which is opposed to"); after
   *and*/*or*/*but* the subject of the verb coordinated with ("backed the plan and called for");
   for an infinitive the object of the verb before it ("X urged Y to Z": Y) or else that verb's
   subject ("X refused to Z": X, "Y was urged to Z": Y); "said Mr Berg" after a quotation: the
   phrase after the verb; "there is X": X.
3. **Objects and agents**, right of the group: the noun phrase with its prepositional
   attachments ("the ban on arms exports to China"), or the complement clause ("that the plan
   failed", "to lift the ban"); for a passive the "by" phrase is the agent.

``relation`` says how the clause hangs in its sentence: ``main``, ``coordinated`` (shares the
subject of the verb before *and*), ``relative`` (its subject is the antecedent), ``complement``
(a that-, infinitive, gerund or adverbial clause) or ``reported`` (inside quotation marks, or the
complement of a reporting verb such as *say*, *claim*, *tell*).

Empty spans: a clause without a subject, object or agent has ``<NA>`` in that phrase's
``*_start``, ``*_end``, text and ``*_actor_id`` columns (nullable ``Int64`` offsets); nothing is
filled with a neighbouring word. Every non-empty span satisfies ``text == doc.text[start:end]``.

The modules, in the order a sentence goes through them: ``vocabulary`` (tag sets and word
lists), ``sentence`` (:class:`Sentence`, :class:`Clause`), ``retag`` (tags mended for the reader),
``verb_groups``, ``noun_phrases``, ``subjects``, ``objects`` (objects, agents, extent),
``relations`` (reported speech), ``reader`` (a document read into sentences: :func:`parse`,
:func:`sentences_of`) and ``table`` (:func:`clauses`).

>>> import analysis
>>> doc = analysis.annotate(analysis.from_text("T\\n\\nThe plan has not been condemned by the unions."))
>>> clauses(doc)[["verb", "lemma", "voice", "negated", "subject", "agent"]].values.tolist()
[['has not been condemned', 'condemn', 'passive', True, 'The plan', 'the unions']]
"""

from __future__ import annotations

from .vocabulary import REPORTING
from .sentence import Clause, Sentence
from .noun_phrases import np_right
from .relations import RELATIONS
from .reader import parse, sentences_of
from .table import COLUMNS, clauses

__all__ = ["COLUMNS", "RELATIONS", "REPORTING", "clauses", "np_right", "parse", "sentences_of"]
