"""The evidence report as one self-contained HTML file: no script, no external assets, charts as inline SVG.

The page is the Jinja template ``report/templates/report.html`` (styles: ``report.css``) over a view built
here. Every piece of chat content (names, messages, titles, file names) is escaped by the template engine
(``chatprobe.templating``, shared with the web UI); the report never turns chat content into links or markup.
The same page prints to PDF (``pdf.py``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from chatprobe import __version__
from chatprobe.analyse.stored import CaseAnalysis
from chatprobe.detect.taxonomy import taxonomy
from chatprobe.model import RESPONSES, Finding
from chatprobe.report import charts
from chatprobe.report.redact import Redactor
from chatprobe.templating import environment

RESPONSE_NAMES = {"endorsement": "endorsed", "counter_speech": "challenged", "left": "left", "silent": "silent"}
SEVERITY = {1: "1 derogatory or crude", 2: "2 dehumanising, slurs, sexualised", 3: "3 threats, incitement, sexual violence"}


def severity_text(f: Finding, names: Mapping[str, str], r: Redactor) -> str:
    """The severity of *this* message and what earned it ("2: Race — slur 'paki'"), not the scale's wording;
    the scale is in the method section."""
    sev = f.classification.severity
    cat = max(f.categories, key=lambda c: (sev.get(c, 1), c), default=None)
    if cat is None:
        return str(f.severity)
    note = next((e.get("note") for e in f.classification.explanations
                 if e.get("label") == cat and not e.get("set_aside") and e.get("note")), None)
    return f"{f.severity}: {names.get(cat, cat)}" + (f" — {r.text(str(note))}" if note else "")

ENV = environment("chatprobe.report", compact=True)
CSS = ENV.loader.get_source(ENV, "report.css")[0]  # type: ignore[union-attr]
CONVERSATION_MAX = 300  # exhibits that carry the wider conversation (a <details> each) in one report


def _s(value: Any) -> str:
    """A value as the report prints it: nothing for None."""
    return "" if value is None else str(value)


def _percent(value: Any) -> str:
    """A share as a whole percentage ("50%"); nothing for None (a case scanned before the gate had it)."""
    return "" if value is None else f"{float(value):.0%}"


def _ts(dt: datetime | None) -> str:
    return dt.strftime("%d %b %Y %H:%M") if dt else "—"


def render(analysis: CaseAnalysis, case_name: str, redactor: Redactor | None = None,
           generated: datetime | None = None, people_file: str | None = None) -> str:
    """The report as HTML: ``report/templates/report.html`` over the view built here (redaction applied)."""
    inv = analysis.investigation
    tax = taxonomy()
    names = {c.code: c.name for c in tax.categories}
    r = redactor or Redactor()
    r.prepare(inv.profiles, {p.name: p.aliases for p in inv.profiles.values()})
    label = {p: r.name(p) or p for p in inv.profiles}
    generated = generated or datetime.now(timezone.utc)
    flagged_people = [p for p in inv.profiles.values() if p.flagged_messages]
    responses = {k: sum(p.responses[k] for p in inv.profiles.values()) for k in RESPONSES}
    wide = len(inv.findings) <= CONVERSATION_MAX  # beyond that the file would grow past what a reader opens
    view: dict[str, Any] = {
        "css": CSS, "case_name": case_name, "version": __version__, "generated": f"{generated:%d %B %Y %H:%M}",
        "run": {k: _s(v) for k, v in analysis.run.items()}, "names": names, "colour": charts.colour,
        "redacted": [x for x, on in (("phone numbers", r.phones), ("names of people who are not subjects", r.others))
                     if on] if r.active else [],
        "figures": [("messages", sum(c.messages for c in inv.chats)), ("flagged messages", len(inv.findings)),
                    ("members", len(inv.profiles)), ("members who sent flagged messages", len(flagged_people)),
                    ("endorsements", responses["endorsement"]), ("challenges", responses["counter_speech"])],
        "chats": [{"title": r.text(c.title or c.chat_id), "source_file": c.source_file, "sha256": c.source_sha256,
                   "first": _ts(c.first), "last": _ts(c.last), "messages": c.messages, "members": len(c.members),
                   "flagged": c.flagged_messages,
                   "by_category": ", ".join(f"{names.get(k, k)} {v}" for k, v in sorted(c.flagged.items()))}
                  for c in inv.chats],
        "timeline": charts.timeline(inv.findings, label),
        "legend": sorted({c for f in inv.findings for c in f.categories}),
        "heatmap": charts.heatmap(list(inv.profiles.values()), tax.codes, names, label),
        "window_messages": inv.options.window_messages, "window_minutes": f"{inv.options.window_minutes:g}",
        "members": [{"name": label[p.name], "subject": p.subject,
                     "aliases": r.text("" if (r.active and not p.subject) else ", ".join(p.aliases)),
                     "messages": p.messages_sent,
                     "flagged": ", ".join(f"{names.get(k, k)} {v}" for k, v in sorted(p.flagged_sent.items())) or "—",
                     "cautioned": p.flagged_cautioned,
                     "first_flagged": _ts(p.first_flagged), "last_flagged": _ts(p.last_flagged),
                     "present": p.present_for_flagged, "endorsed": p.responses["endorsement"],
                     "challenged": p.responses["counter_speech"], "silent": p.responses["silent"],
                     "left": p.responses["left"]} for p in inv.profiles.values()],
        "wide": wide,
        "exhibits": [_exhibit(n, f, r, label, names, analysis.reviews.get(f.message.id), wide)
                     for n, f in enumerate(inv.findings, 1)],
        "people_file": people_file,
    }
    view |= _method(analysis, r)
    return ENV.get_template("report.html").render(view)


def _exhibit(n: int, f: Finding, r: Redactor, label: Mapping[str, str], names: Mapping[str, str],
             review: Any = None, conversation: bool = True) -> dict[str, Any]:
    m = f.message
    c = f.classification

    def window(messages: list[tuple[Any, str | None]]) -> list[dict[str, str]]:
        return [{"id": msg.id, "when": _ts(msg.timestamp), "sender": label.get(who, who) if who else "(system)",
                 "text": r.text(msg.text or f"({msg.kind.value})")} for msg, who in messages]

    lines: list[dict[str, Any]] = []
    if review:
        for what, d in (("first review", review.first), ("second review", review.second)):
            if d:
                lines.append({"text": f"{what}: {d.decision} by {d.reviewer} ({d.at})" + (f" — {d.note}" if d.note else ""),
                              "disagree": False})
        if review.agreement is not None:
            lines.append({"text": "reviewers agree" if review.agreement else "", "disagree": not review.agreement})
    reasons, cautions = c.why(f.categories)
    return {
        "ref": f"CP-{n:03d}", "id": m.id, "categories": list(f.categories),
        "status": review.status if review else "unreviewed", "review": lines,
        "when": _ts(m.timestamp), "when_raw": _s(m.timestamp_raw), "chat": r.text(f.chat_title or m.chat_id),
        "sender": label.get(f.sender, f.sender), "severity": severity_text(f, names, r),
        "scores": ", ".join(f"{names.get(k, k)} {c.scores.get(k, 0):.2f}" for k in f.categories),
        "text": r.text(m.text) or f"({m.kind.value})",
        "blur": "pornographic_media" in f.categories,
        "thumbnails": [{"ident": f"t-{m.id}-{k}", "name": name, "b64": b64}
                       for k, (name, b64) in enumerate(sorted(c.thumbnails.items()))],
        "image_text": r.text(c.image_text) if c.image_text else None,
        "transcript": r.text(c.transcript) if c.transcript else None,
        "why": r.text("; ".join(reasons)), "cautions": [r.text(x) for x in cautions],
        "responses": [{"response": x.response, "text": r.text(x.text or ""), "who": label.get(p, p),
                       "name": RESPONSE_NAMES[x.response]} for p, x in f.responses.items()],
        "context": window(f.context),
        "conversation": window(f.conversation) if conversation and len(f.conversation) > len(f.context) else [],
        "source_file": m.source.file, "line": m.source.line_start, "source_sha256": m.source.file_sha256,
    }


def _method(analysis: CaseAnalysis, r: Redactor) -> dict[str, Any]:
    """What the method section shows: the run, the pipeline and its detectors, media, evidence, warnings."""
    o = analysis.investigation.options
    pipe = json.loads(analysis.run["pipeline"])
    detectors = []
    for d in pipe.get("detectors", []):
        bits = [f"version {d.get('version')}"]
        if d.get("encoder"):
            enc = d["encoder"]
            bits.append(f"encoder {enc.get('package')} sha256 {enc.get('sha256')}, calibration sha256 "
                        f"{enc.get('calibration_sha256')}")
        if d.get("heads_sha256"):
            bits.append(f"heads sha256 {d['heads_sha256']}")
        if d.get("thresholds"):
            bits.append("thresholds " + ", ".join(f"{k} {v:.2f}" for k, v in d["thresholds"].items()))
        if "windows" in d:
            bits.append("messages over 64 tokens read whole, in overlapping windows" if d["windows"]
                        else "messages over 64 tokens read only to their 64th token")
        detectors.append({"name": _s(d.get("name")), "bits": "; ".join(bits)})
    gate = pipe.get("language_gate")
    counts = pipe.get("not_assessed", {})
    media = pipe.get("media") or {}
    return {
        "pipeline": {"pipeline": _s(pipe.get("pipeline")), "taxonomy": _s(pipe.get("taxonomy"))},
        "options_json": json.dumps(pipe.get("options", {}), sort_keys=True),
        "severity_scale": list(SEVERITY.values()),
        "gate": {"model": _s(gate.get("model")), "sha256": str(gate.get("sha256"))[:12],
                 "min_words": _s(gate.get("min_words")), "min_probability": _s(gate.get("min_probability")),
                 "low_probability": _s(gate.get("low_probability", gate.get("min_probability"))),
                 "english_share": _percent(gate.get("english_share")), "few_english": _percent(gate.get("few_english")),
                 "words": gate.get("common_english_words") or 0,
                 "words_sha256": str(gate.get("common_english_sha256", ""))[:12]}
        if gate else None,
        "own_emoji": ({"min_signed": own.get("min_signed"), "min_share": _percent(own.get("min_share")),
                       "found": [f"{_s(r.name(x.get('sender')))} {_s(x.get('emoji'))} ({_s(x.get('signed'))} signed, "
                                 f"{_s(x.get('clean'))} clean without it)" for x in own.get("found", [])],
                       "cautioned": int(own.get("cautioned", 0))} if (own := pipe.get("own_emoji")) else None),
        "not_assessed_total": sum(counts.values()),
        "not_assessed": ", ".join(f"{k} {v:,}" for k, v in counts.items()),
        "detectors": detectors,
        "bystander": {"before": o.context_before, "after": o.context_after},
        "media": {"model": _s(media.get("model", "not loaded")), "threshold": _s(media.get("threshold")),
                  "ocr": media.get("ocr") or "not read (Tesseract not installed)",
                  "speech": media.get("speech") or "none in this case, or no speech model",
                  "analysed": analysis.media_analysed, "not_analysed": len(analysis.media_not_analysed)}
        if media else None,
        "evidence": [{k: _s(v) for k, v in ev.items()} | {"size": int(ev["size"])} for ev in analysis.evidence],
        "media_not_analysed": [{k: _s(v) for k, v in x.items()} for x in analysis.media_not_analysed[:200]],
        "media_not_analysed_total": len(analysis.media_not_analysed),
        "media_reasons": Counter(x["reason"] for x in analysis.media_not_analysed).most_common(),
        "warnings": [{"file": _s(w["file"]), "line": _s(w["line"]), "message": r.text(w["message"])}
                     for w in analysis.warnings[:200]],
        "warnings_total": len(analysis.warnings),
    }
