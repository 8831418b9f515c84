"""Reading and checking a user's gazetteer file (YAML or CSV): errors name the file, line and field."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path


from ..errors import InputError
from .schema import ACTOR_TYPES, ENTRY_FIELDS


def _split(value) -> list[str]:
    from .gazetteer import _split as split

    return split(value)


def read_gazetteer_file(path) -> list[dict]:
    """Read and check a user gazetteer (``.yml``/``.yaml`` or ``.csv``); return its entries.

    Errors name the file, the line and the field, e.g.
    ``my.yml, line 4: entry 'kpd' has no field 'name' (required: id, name, type)``.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"no such gazetteer file: {path}")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save the gazetteer as UTF-8") from None
    suffix = path.suffix.lower()
    if suffix in (".yml", ".yaml"):
        raw = _yaml_entries(path, text)
    elif suffix == ".csv":
        raw = _csv_entries(path, text)
    else:
        raise InputError(f"{path}: a gazetteer is a .yml, .yaml or .csv file, not {suffix or 'a file without extension'}")
    return [_check_entry(path, line, entry, fields) for line, entry, fields in raw]


#: the only YAML tags a gazetteer may carry: plain text, numbers, booleans, dates, empty values,
#: lists and mappings (the tags a safe loader gives untagged values). Anything else (``!!python/…``,
#: ``!!binary``, ``!custom``) is refused before any value is used.
_YAML_SCALAR_TAGS = {"tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "timestamp")}
_YAML_NULL = "tag:yaml.org,2002:null"


_YAML_PLAIN_TAGS = _YAML_SCALAR_TAGS | {_YAML_NULL, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


def _yaml_text(path: Path, node, field_name: str):
    """The text of a plain YAML scalar (None for an empty value); InputError for anything else."""
    import yaml

    if isinstance(node, yaml.ScalarNode) and node.tag in _YAML_SCALAR_TAGS:
        return node.value
    if isinstance(node, yaml.ScalarNode) and node.tag == _YAML_NULL:
        return None
    if node.tag not in _YAML_PLAIN_TAGS:
        what = f"tagged {node.tag}"
    else:
        what = "a list inside a list" if isinstance(node, yaml.SequenceNode) else "a mapping"
    raise InputError(f"{path}, line {node.start_mark.line + 1}: field {field_name!r} is {what}; give plain text"
                     f"{' or a list of plain text' if field_name in ('aliases', 'acronyms', 'nouns') else ''}")


def _refuse_tag(path: Path, node, what: str) -> None:
    if node.tag not in _YAML_PLAIN_TAGS:
        raise InputError(f"{path}, line {node.start_mark.line + 1}: {what} is tagged {node.tag}; "
                         "a gazetteer holds only plain text, lists and mappings")


def _yaml_entries(path: Path, text: str):
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark else ""
        raise InputError(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', None) or exc})") from None
    if root is None:
        raise InputError(f"{path}: the gazetteer is empty; give a list of entries with id, name and type")
    _refuse_tag(path, root, "the document")
    groups = []
    if isinstance(root, yaml.SequenceNode):
        groups.append((None, root))
    elif isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            _refuse_tag(path, key, "an actor type")
            if not isinstance(key, yaml.ScalarNode) or key.value not in ACTOR_TYPES:
                label = key.value if isinstance(key, yaml.ScalarNode) else "a list or mapping"
                raise InputError(f"{path}, line {key.start_mark.line + 1}: unknown actor type {label!r} "
                                 f"(allowed: {', '.join(ACTOR_TYPES)})")
            _refuse_tag(path, value, f"the list under {key.value!r}")
            if not isinstance(value, yaml.SequenceNode):
                raise InputError(f"{path}, line {value.start_mark.line + 1}: under {key.value!r} give a list of entries")
            groups.append((key.value, value))
    else:
        raise InputError(f"{path}, line {root.start_mark.line + 1}: expected a list of entries (id, name, type)")
    out = []
    for type_, seq in groups:
        for node in seq.value:
            line = node.start_mark.line + 1
            if not isinstance(node, yaml.MappingNode):
                raise InputError(f"{path}, line {line}: an entry must be a mapping with id, name and type")
            _refuse_tag(path, node, "an entry")
            entry, fields = {}, {}
            for k, v in node.value:
                if not isinstance(k, yaml.ScalarNode) or k.tag not in _YAML_SCALAR_TAGS:
                    raise InputError(f"{path}, line {k.start_mark.line + 1}: a field name must be plain text "
                                     f"(allowed: {', '.join(ENTRY_FIELDS)})")
                _refuse_tag(path, v, f"field {k.value!r}")
                if isinstance(v, yaml.SequenceNode):
                    value = [x for x in (_yaml_text(path, x, k.value) for x in v.value) if x is not None]
                elif isinstance(v, yaml.MappingNode):
                    raise InputError(f"{path}, line {v.start_mark.line + 1}: field {k.value!r} must be text or a list")
                else:
                    value = _yaml_text(path, v, k.value)
                if value is None:
                    continue   # "field:" with no value: as if absent
                entry[k.value] = value
                fields[k.value] = k.start_mark.line + 1
            if type_ is not None:
                entry.setdefault("type", type_)
            out.append((line, entry, fields))
    return out


def _csv_entries(path: Path, text: str):
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise InputError(f"{path}, line 1: the CSV has no header; the columns are {', '.join(ENTRY_FIELDS)}")
    for name in reader.fieldnames:
        if name not in ENTRY_FIELDS:
            raise InputError(f"{path}, line 1: unknown field {name!r} (allowed: {', '.join(ENTRY_FIELDS)})")
    out = []
    for row in reader:
        line = reader.line_num
        if None in row:
            raise InputError(f"{path}, line {line}: more values than columns (check the commas)")
        entry = {k: v for k, v in row.items() if v not in (None, "")}
        out.append((line, entry, {k: line for k in entry}))
    return out


def _check_entry(path: Path, line: int, entry: dict, fields: dict) -> dict:
    for name in entry:
        if name not in ENTRY_FIELDS:
            raise InputError(f"{path}, line {fields.get(name, line)}: unknown field {name!r} "
                             f"(allowed: {', '.join(ENTRY_FIELDS)})")
    label = entry.get("id") or entry.get("name") or "?"
    for name in ("id", "name", "type"):
        if not str(entry.get(name) or "").strip():
            raise InputError(f"{path}, line {line}: entry {label!r} has no field {name!r} (required: id, name, type)")
    if entry["type"] not in ACTOR_TYPES:
        raise InputError(f"{path}, line {fields.get('type', line)}: field 'type' is {entry['type']!r}; "
                         f"allowed: {', '.join(ACTOR_TYPES)}")
    if not re.fullmatch(r"[A-Za-z0-9][\w.+-]*", str(entry["id"])):
        raise InputError(f"{path}, line {fields.get('id', line)}: field 'id' is {entry['id']!r}; use letters, "
                         "digits, '-' or '_' (e.g. RUS, NATO, sergei-lavrov)")
    if entry.get("country"):
        import pycountry

        if pycountry.countries.get(alpha_3=str(entry["country"]).upper()) is None:
            raise InputError(f"{path}, line {fields.get('country', line)}: field 'country' is {entry['country']!r}; "
                             "use an ISO 3166 alpha-3 code such as RUS or USA")
        entry["country"] = str(entry["country"]).upper()
    for name in ("aliases", "acronyms", "nouns"):
        if name in entry:
            entry[name] = _split(entry[name])
    return entry
