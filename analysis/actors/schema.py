"""The columns of the mentions and actors tables, the actor types and how a mention is resolved."""

MENTION_COLUMNS = ["mention_id", "para_id", "sent_id", "start", "end", "text", "actor_id", "actor",
                   "actor_type", "role", "how"]
ACTOR_COLUMNS = ["actor_id", "actor", "actor_type", "n_mentions", "first_para"]
ACTOR_TYPES = ("state", "igo", "person", "armed_group", "media", "org", "party", "place", "other")
HOW = ("name", "alias", "acronym", "demonym", "metonym", "role", "pronoun")
ENTRY_FIELDS = ("id", "name", "type", "aliases", "acronyms", "nouns", "head", "country", "role")
