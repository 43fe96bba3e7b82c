"""A chronology as one self-contained HTML page: inline CSS, no scripts, no external assets."""

from __future__ import annotations

from html import escape

from dateline.render.chronology import Chronology, Entry, SourceNote, heading

_CSS = """
body { font-family: Georgia, 'DejaVu Serif', serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
       color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
.count { color: #555; margin-top: 0; }
h2 { font-size: 1.1rem; margin: 1.4rem 0 0.4rem; padding-bottom: 0.15rem; border-bottom: 1px solid #ccc; }
ul.entries { list-style: none; padding-left: 0; margin: 0; }
ul.entries li { margin: 0 0 0.7rem 0; padding-left: 0.8rem; border-left: 3px solid #3a6ea5; }
ul.entries li.planned { border-left-color: #c08a00; }
.tag { font: bold 0.7rem sans-serif; text-transform: uppercase; color: #fff; background: #c08a00;
       border-radius: 3px; padding: 0 0.3rem; margin-right: 0.3rem; }
.type { font: 0.75rem sans-serif; color: #3a6ea5; text-transform: uppercase; letter-spacing: 0.04em; }
.what { font-weight: bold; }
.summary { display: block; color: #444; font-size: 0.92rem; }
sup a { text-decoration: none; color: #3a6ea5; }
ol.notes { font-size: 0.85rem; color: #333; padding-left: 1.6rem; }
ol.notes li { margin-bottom: 0.4rem; }
ol.notes q { font-style: italic; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
"""


def _entry(entry: Entry) -> str:
    refs = "".join(f'<sup><a href="#note-{n}">[{n}]</a></sup>' for n in entry.notes)
    tag = '<span class="tag">planned</span>' if entry.planned else ""
    text = entry.text.removeprefix("Planned: ") if entry.planned else entry.text
    css = ' class="planned"' if entry.planned else ""
    return (
        f'<li{css}>{tag}<span class="type">{escape(entry.event.type)}</span> '
        f'<span class="what">{escape(text)}</span>{refs}'
        f'<span class="summary">{escape(entry.detail)}</span></li>'
    )


def _note(note: SourceNote) -> str:
    parts = [escape(note.citation()) + "."]
    if note.source.url:
        url = escape(note.source.url, quote=True)
        parts.append(f'<a href="{url}">{escape(note.source.url)}</a>')
    parts.append(f"Document <code>{escape(note.source.document)}</code>: <q>{escape(note.source.sentence)}</q>")
    return f'<li id="note-{note.number}">{" ".join(parts)}</li>'


def to_html_document(chronology: Chronology) -> str:
    """The chronology as an HTML page that needs nothing but itself."""
    count = len(chronology.entries)
    body = [f"<h1>{escape(chronology.title)}</h1>", f'<p class="count">{count} event{"s" if count != 1 else ""}</p>']
    for group in chronology.groups:
        body.append(f"<section><h2>{escape(heading(group.date))}</h2>")
        body.append('<ul class="entries">')
        body.extend(_entry(entry) for entry in group.entries)
        body.append("</ul></section>")
    if chronology.notes:
        body.append("<h2>Sources</h2>")
        body.append('<ol class="notes">')
        body.extend(_note(note) for note in chronology.notes)
        body.append("</ol>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(chronology.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
