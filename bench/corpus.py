"""Synthetic news articles for benchmarks: varied states, people, dates, date styles, event types,
sentences between the events (quotes, background, analysis) and page boilerplate, written as
JSON Lines (one article a line) or as .txt files with a sidecar.

    python bench/corpus.py 1000 out/corpus.jsonl
    python bench/corpus.py 1000 out/corpus/ --txt

Deterministic for a seed. The text is template-made, not real reporting: it exercises the same
code paths as real news (dates of every style, titles, capitals, citations, furniture).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

STATES = [
    ("Italy", "Italian", "Rome"), ("Ukraine", "Ukrainian", "Kyiv"), ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"), ("Poland", "Polish", "Warsaw"), ("Japan", "Japanese", "Tokyo"),
    ("India", "Indian", "New Delhi"), ("Brazil", "Brazilian", "Brasilia"), ("Turkey", "Turkish", "Ankara"),
    ("Egypt", "Egyptian", "Cairo"), ("Nigeria", "Nigerian", "Abuja"), ("Mexico", "Mexican", "Mexico City"),
    ("Spain", "Spanish", "Madrid"), ("Sweden", "Swedish", "Stockholm"), ("Hungary", "Hungarian", "Budapest"),
    ("Israel", "Israeli", "Jerusalem"), ("Iran", "Iranian", "Tehran"), ("Qatar", "Qatari", "Doha"),
    ("China", "Chinese", "Beijing"), ("Russia", "Russian", "Moscow"), ("Canada", "Canadian", "Ottawa"),
    ("Kenya", "Kenyan", "Nairobi"), ("Argentina", "Argentine", "Buenos Aires"), ("Greece", "Greek", "Athens"),
]  # fmt: skip
OFFICES = ["Foreign Minister", "Prime Minister", "President", "Defence Minister", "Interior Minister", "Ambassador"]
GIVEN = ["Anna", "Marco", "Elena", "Tomas", "Yuki", "Rahul", "Lucia", "Omar", "Ingrid", "Pavel", "Sofia", "Kwame"]
FAMILY = ["Rossi", "Novak", "Tanaka", "Sharma", "Costa", "Haddad", "Lindqvist", "Kowalski", "Mensah", "Ortiz"]
ORGS = ["NATO", "the European Union", "the United Nations", "the OSCE", "the African Union", "ASEAN", "the G20"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
FURNITURE_TOP = ["Subscribe to our newsletter", "Home | World | Europe | Politics", "Advertisement"]
FURNITURE_END = ["Related articles", "Share this article", "Comments (3)", "Page last modified: 12-03-2021"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def _date_phrase(rng: random.Random, published: dt.date) -> str:
    day = published - dt.timedelta(days=rng.randint(0, 40))
    style = rng.randrange(9)
    if style == 7:
        return f"on {day.isoformat()}"
    if style == 8:
        return f"on {day.day:02d}/{day.month:02d}/{day.year}"
    if style == 0:
        return f"on {day.day} {MONTHS[day.month - 1]} {day.year}"
    if style == 1:
        return f"on {MONTHS[day.month - 1]} {day.day}, {day.year}"
    if style == 2:
        return f"on {WEEKDAYS[rng.randrange(5)]}"
    if style == 3:
        return f"on {MONTHS[day.month - 1][:3]}. {day.day}"
    if style == 4:
        return "last week"
    if style == 5:
        return f"in {MONTHS[day.month - 1]} {day.year}"
    return "yesterday"


def _sentence(rng: random.Random, published: dt.date) -> str:
    (a, a_dem, _), (b, b_dem, b_cap) = rng.sample(STATES, 2)
    who = f"{a_dem} {rng.choice(OFFICES)} {_person(rng)}"
    when = _date_phrase(rng, published)
    kind = rng.randrange(10)
    if kind == 0:
        pronoun = rng.choice(["he", "she"])
        return f"{who} paid an official visit to {b_cap} {when}, where {pronoun} met {b_dem} officials."
    if kind == 1:
        cited = f"{MONTHS[published.month - 1]} {published.day}"
        return f"{a} and {b} signed a memorandum on energy cooperation {when} (Wire, {cited})."
    if kind == 2:
        return f"{who} condemned the attack on the {b_dem} embassy {when}, calling it unacceptable."
    if kind == 3:
        return f"{rng.choice(ORGS).capitalize()} imposed new sanctions on {b} {when} over its nuclear programme."
    if kind == 4:
        return f"{a} expelled two {b_dem} diplomats {when}, the foreign ministry said in a statement."
    if kind == 5:
        return f"Police in {b_cap} arrested a {a_dem} national {when} on suspicion of espionage."
    if kind == 6:
        return f"{a} pledged $1.5 billion in humanitarian aid to {b} {when}, officials said."
    if kind == 7:
        return f"The parliament of {a} voted {when} to ratify the treaty with {b} by 287 votes to 55."
    if kind == 8:
        sayer = rng.choice(["aides", "officials"])
        return f"{who} is scheduled to attend a summit in {b_cap} next month, {sayer} said."
    return f"Trade between {a} and {b} exceeded 27 billion euros in {published.year - 1}, a rise of 4 per cent."


def _context(rng: random.Random, published: dt.date) -> str:
    """A sentence of the kind that fills news between the events: quotes, background, analysis."""
    (a, a_dem, _), (b, b_dem, _) = rng.sample(STATES, 2)
    kind = rng.randrange(5)
    if kind == 0:
        return f'"We will not accept this," the {a_dem} {rng.choice(OFFICES).lower()} told reporters.'
    if kind == 1:
        return f"Relations between {a} and {b} have been strained since {published.year - rng.randint(2, 12)}."
    if kind == 2:
        return "Analysts said the dispute could shift the balance of power in the region for years to come."
    if kind == 3:
        return f"{_person(rng)}, a researcher at a {b_dem} think tank, said talks were unlikely to resume soon."
    return f"The {a_dem} economy grew by {rng.randint(1, 6)}.{rng.randint(0, 9)} per cent last year."


def article(index: int, rng: random.Random) -> dict[str, object]:
    """One synthetic article as a JSON Lines record."""
    published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3600))
    (a, _, _), (b, _, _) = rng.sample(STATES, 2)
    paragraphs = [
        _sentence(rng, published) + " " + (_context if rng.random() < 0.5 else _sentence)(rng, published)
        for _ in range(rng.randint(4, 9))
    ]
    body = "\n\n".join([rng.choice(FURNITURE_TOP), *paragraphs, *rng.sample(FURNITURE_END, 2)])
    return {
        "id": f"synthetic-{index:07d}",
        "title": f"{a} and {b} in talks as tensions rise",
        "text": f"{a} and {b} in talks as tensions rise\n\n{body}\n",
        "published": published.isoformat(),
        "source": "Synthetic Wire",
    }


def articles(count: int, seed: int = 7) -> Iterator[dict[str, object]]:
    """`count` synthetic articles, the same ones for the same seed."""
    rng = random.Random(seed)
    for index in range(count):
        yield article(index, rng)


def write(count: int, out: Path, txt: bool = False, seed: int = 7) -> int:
    """Write the corpus; returns the bytes of article text written."""
    total = 0
    if txt:
        out.mkdir(parents=True, exist_ok=True)
        meta: dict[str, dict[str, str]] = {}
        for record in articles(count, seed):
            name = f"{record['id']}.txt"
            (out / name).write_text(str(record["text"]), encoding="utf-8")
            meta[name] = {"published": str(record["published"]), "published_precision": "day"}
            total += len(str(record["text"]).encode("utf-8"))
        (out / "metadata.json").write_text(json.dumps({"articles": meta}), encoding="utf-8")
        return total
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for record in articles(count, seed):
            handle.write(json.dumps(record) + "\n")
            total += len(str(record["text"]).encode("utf-8"))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--txt", action="store_true", help="one .txt file an article, with a metadata.json")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    size = write(args.count, args.out, args.txt, args.seed)
    print(f"{args.count} articles, {size / 1e6:.1f} MB of text -> {args.out}")


if __name__ == "__main__":
    main()
