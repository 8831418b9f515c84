"""Write a notebook from a list of (kind, source) cells, without outputs."""
import sys, nbformat
DEFAULT_NOTE = "Change these to analyse another article. `None` means the embedded example article."

#: the parameters cell every analysis notebook opens with (the report injects these names)
PARAMETERS = """
ARTICLE = None      # path to an article file; None = the embedded seed article
PUBLISHED = None    # "YYYY-MM-DD" to set or override the publication date
EXPORT_DIR = None   # folder to save charts and tables into; None = don't save
"""


def parameter_cells(note: str = DEFAULT_NOTE) -> list:
    """The "Parameters" heading with ``note`` and the cell tagged ``parameters``."""
    return [("md", "## Parameters\n" + note), ("params", PARAMETERS)]


def build(path, cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for kind, src in cells:
        if kind == "md":
            c = nbformat.v4.new_markdown_cell(src.strip("\n"))
        else:
            c = nbformat.v4.new_code_cell(src.strip("\n"))
            if kind == "params":
                c.metadata["tags"] = ["parameters"]
        nb.cells.append(c)
    for i, c in enumerate(nb.cells):
        c["id"] = f"cell-{i:02d}"
    nbformat.write(nb, path)
