"""What `termbase mine` gives: its candidates as text, as JSON, and as concepts a terminologist
reviews and imports (TOML)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from termbase.evolution.mine import Candidate
from termbase.model import Concept, Origin, Status, Term

_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ebef]")


def concept_id(candidate: Candidate, taken: set[str]) -> str:
    """A readable id from the pinyin of the candidate's words (minjie-zhili), unique in `taken`."""
    from termbase.chinese.pinyin import Style
    from termbase.chinese.pinyin_text import transliterate

    text = "".join(w for w in candidate.words if _HAN.search(w)) or candidate.term
    parts = transliterate(text, Style.NONE).lower().split()
    base = "-".join(p for p in parts if p)
    if len(base) > 40:
        base = base[:40].rsplit("-", 1)[0] if "-" in base[:40] else base[:40]
    base = re.sub(r"[^a-z0-9-]", "", base.lower().replace("ü", "v")) or "candidate"
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    taken.add(out)
    return out


def as_concepts(candidates: Sequence[Candidate], taken: Iterable[str] = ()) -> list[Concept]:
    """Review-ready concepts: the Chinese term and the suggested renderings as admitted,
    origin machine, with pinyin; the contexts and the evidence in the note."""
    from termbase.chinese import pinyin_text
    from termbase.chinese.corrections import guess_region

    ids = set(taken)
    out: list[Concept] = []
    # Traditional input: its region, as its candidates' contexts read
    region = guess_region(" ".join(x.text for c in candidates if c.simplified for x in c.contexts))
    for c in candidates:
        simplified = c.simplified or c.term
        reading = pinyin_text.transliterate(simplified)
        terms = [
            Term("zh-Hans", simplified, Status.ADMITTED, pinyin=reading, origin=Origin.MACHINE)
        ]
        if c.simplified:
            terms.append(Term(region, c.term, Status.ADMITTED, origin=Origin.MACHINE))
        terms += [Term("en", r.text, Status.ADMITTED, origin=Origin.MACHINE) for r in c.renderings]
        evidence = [f"Mined: {c.frequency} occurrence(s), score {c.score}, {', '.join(c.kinds)}."]
        evidence += [f"{x.path.name}:{x.line}: {x.text}" for x in c.contexts]
        evidence += [
            f"Rendering {r.text!r}: in {r.count} aligned segments, Dice {r.dice}."
            for r in c.renderings
        ]
        out.append(Concept(concept_id(c, ids), tuple(terms), note=" | ".join(evidence)))
    return out


def to_json(candidates: Sequence[Candidate]) -> list[dict[str, object]]:
    return [
        {
            "term": c.term,
            **({"simplified": c.simplified} if c.simplified else {}),
            "frequency": c.frequency,
            "score": c.score,
            "kinds": list(c.kinds),
            "words": list(c.words),
            "contexts": [{"path": str(x.path), "line": x.line, "text": x.text} for x in c.contexts],
            "renderings": [
                {"text": r.text, "count": r.count, "dice": r.dice} for r in c.renderings
            ],
        }
        for c in candidates
    ]


def to_text(candidates: Sequence[Candidate]) -> str:
    lines = []
    for i, c in enumerate(candidates, 1):
        both = f"{c.term} ({c.simplified})" if c.simplified else c.term
        lines.append(f"{i:3}. {both}  ×{c.frequency}  score {c.score}  ({', '.join(c.kinds)})")
        for r in c.renderings:
            lines.append(f"       → {r.text}  ({r.count} segments, Dice {r.dice})")
        for x in c.contexts:
            lines.append(f"       {x.path}:{x.line}: {x.text}")
    return "\n".join(lines) + ("\n" if lines else "")
