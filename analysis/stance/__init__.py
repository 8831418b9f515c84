"""Stance: who is for or against what, and the words that prove it.

A rule-based, transparent method in the spirit of MPQA opinion frames (holder, target) and the
SemEval-2016 Task 6 labels (favor | against | neutral):

1. **Cues** from ``data/stance_cues.yml`` ("opposed", "unacceptable", "in favor of", "would not
   agree with", "voiced concern over" ...) are found on word forms or lemmas, with adverbs allowed
   between their words ("is categorically against").
2. **The cue's clause** (``doc.clauses``, :mod:`analysis.clauses`) says who is who: the
   **holder** is the subject of an active cue (the antecedent in "the US, which is opposed to",
   the shared subject of "backed the plan and called for"), the **agent** of a passive cue ("was
   condemned by X": X; a passive with no agent gives no row), and in reported speech the speaker
   ("We reject it, the minister said"). A cue in the infinitive of a control verb ("X urged Y to
   back Z", "Y was urged to back Z") is not Y's stance and gives no row. A pronoun is resolved to
   the latest earlier subject; inside a quotation, *I*/*we* is the quote's speaker; for "it is
   unacceptable to ..." the holder is the body named after "on behalf of", or the subject of the
   reporting verb; a document ("the statement says") stands for the latest actor before it.
   Holders are linked to the actors layer (``doc.mentions``); a time ("this week") or a mark is
   no holder.
3. **Target**: the object or complement as a whole phrase (a noun phrase with its attachments,
   an infinitive or that-clause to its end; for a passive, the subject); for "Y worries X" the
   subject Y. ``target_id`` is the first actor in it. A cue with no target gives no row.
   Stance nouns (kind ``noun``): "X's endorsement of Y", "endorsements from X", "Z received the
   backing of X", "X has praise for Y", "a backer of Y". Written on real news (the PolNeAR gold,
   ``benchmarks/stance_eval.py``): gerunds and infinitives take the subject of the clause they
   depend on, "attacked X for opposing Y" gives X the gerund's stance, questions and conditions
   give no row, title-case headlines are read by position, "X called Y a liar" is labelled by the
   words' valence (VADER), "anti-X" words with an owner are against X, and what someone says of
   a named actor in words that lean clearly one way ("'Smith represents failed policies,' Jones
   said") is the speaker's stance on that actor; what someone says should or must be done ("Jones
   said the city should build more schools") is favoured by the speaker.
4. **Negation** ("not", "n't", "never", "no longer" in the verb group, and governing words:
   "refused to", "failed to", "little prospect of") turns favor into against and against into
   neutral (not opposing is not supporting); **hedges** ("probably", "may", "reportedly", "seemed
   to", "little prospect of" ...) set ``hedged``. Both are shown, with the cue as written;
   ``clause_id`` names the clause the row was read from.


The package's modules, in the order the layer uses them:

* :mod:`~analysis.stance.vocabulary`: the word lists the rules read;
* :mod:`~analysis.stance.lexicon`: the cue lexicon (package and user cues);
* :mod:`~analysis.stance.sentence`: a sentence's tokens, cue matching, word-order phrases;
* :mod:`~analysis.stance.actor_links`: holders and targets linked to ``doc.mentions`` and quotes;
* :mod:`~analysis.stance.clause_reading`: what the cue's clause says (governors, targets);
* :mod:`~analysis.stance.nouns`, :mod:`~analysis.stance.holders`, :mod:`~analysis.stance.headlines`,
  :mod:`~analysis.stance.reported`: stance nouns, holder checks, headlines, reported evaluations;
* :mod:`~analysis.stance.wishes`, :mod:`~analysis.stance.polls`, :mod:`~analysis.stance.said`:
  wishes and needs, a poll's answers, and the rows of these stances in what is said;
* :mod:`~analysis.stance.table`: the layer itself (``stance``) and ``stance_matrix``, its rows
  made into a frame by :mod:`~analysis.stance.frame`.

>>> import analysis
>>> doc = analysis.annotate(analysis.from_text("T\\n\\nThe ministers firmly rejected the plan."))
>>> stance(doc)[["holder", "stance", "cue", "target"]].values.tolist()
[['The ministers', 'against', 'firmly rejected', 'the plan']]
"""

from __future__ import annotations

from .lexicon import add_cues, cue_lexicon, load_cues, reset_cues
from .table import COLUMNS, stance, stance_matrix
from .vocabulary import KINDS, STANCES

__all__ = ["STANCES", "add_cues", "cue_lexicon", "load_cues", "reset_cues", "stance", "stance_matrix"]
