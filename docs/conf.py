"""Sphinx configuration of the lessons' website (built by ``make site``; see docs/build_site.py).

Sphinx with myst-nb renders the committed notebooks with their committed outputs (nothing is
executed) into a static site that works offline: the theme (Furo) and every asset ship in the
Python packages, and nothing is fetched at build time or when a page is read.
"""

import sys
from pathlib import Path

import fontpkg_amiri

sys.path.insert(0, str(Path(__file__).parent / "_ext"))  # the local extension arabic_prose

project = "Arabic news: lessons in text analysis"
author = "Arabic news notebooks team"
copyright = "the Arabic news notebooks team, Apache-2.0"
language = "en"

extensions = ["myst_nb", "sphinx.ext.githubpages", "arabic_prose"]  # githubpages: .nojekyll
root_doc = "index"
exclude_patterns = ["_build", "**/.ipynb_checkpoints"]

# The notebooks hold their outputs (nbval holds them to a fresh run): never re-execute here.
nb_execution_mode = "off"
nb_merge_streams = True
# Only the solution cells are collapsed (build_site.py tags them hide-input).
nb_code_prompt_show = "Show the solution"
nb_code_prompt_hide = "Hide the solution"
# Rendered as committed; the HTML outputs of the display API carry their own dir="rtl".
nb_render_markdown_format = "commonmark"
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "Arabic news lessons"
# docs/_static (the CSS), and the Amiri font with its licence (OFL) from fontpkg-amiri.
_AMIRI = Path(fontpkg_amiri.__file__).parent
html_static_path = ["_static", str(_AMIRI / "files" / "Amiri-Regular.ttf"),
                    str(_AMIRI / "LICENSE")]
html_css_files = ["arabic.css"]
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None  # no build date: the same sources give the same pages
html_theme_options = {
    "navigation_with_keys": True,
    "top_of_page_buttons": [],
}


