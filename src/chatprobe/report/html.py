"""The evidence report as one self-contained HTML file: no script, no external assets, charts as inline SVG.

Every piece of chat content (names, messages, titles, file names) goes through :func:`html.escape`; the
report never turns chat content into links or markup. The same page prints to PDF (``pdf.py``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timezone
from html import escape
from typing import Any

from chatprobe import __version__
from chatprobe.analyse.investigation import RESPONSES, Finding
from chatprobe.analyse.stored import CaseAnalysis
from chatprobe.detect.taxonomy import taxonomy
from chatprobe.report import charts
from chatprobe.report.exports import explanation
from chatprobe.report.redact import Redactor

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

CSS = """
body{font-family:Helvetica,Arial,sans-serif;color:#1a1a1a;margin:0 auto;max-width:1000px;padding:24px;line-height:1.4}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;border-bottom:2px solid #333;padding-bottom:4px;margin-top:32px}
h3{font-size:15px;margin:0}.muted{color:#666}.small{font-size:12px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}
th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f0f0f0}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.notice{background:#fff8e1;border:1px solid #f0c36d;padding:8px 12px;font-size:13px}
.figures{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
.figure{border:1px solid #ccc;padding:8px 14px;min-width:120px}.figure b{display:block;font-size:22px}
.exhibit{border:1px solid #bbb;margin:14px 0;padding:10px 12px;page-break-inside:avoid;break-inside:avoid}
.exhibit .text{font-size:15px;background:#fbeaea;border-left:4px solid #b2182b;padding:6px 10px;margin:8px 0;
white-space:pre-wrap;overflow-wrap:anywhere}
.cat{display:inline-block;color:#fff;border-radius:3px;padding:1px 6px;font-size:12px;margin-right:4px}
.context{font-size:12px;margin:6px 0}.context td{border:none;border-bottom:1px solid #eee;padding:2px 6px}
.context tr.flagged td{background:#fbeaea;font-weight:bold}details.conversation summary{cursor:pointer;font-size:12px;color:#333}.context td.msg{white-space:pre-wrap;overflow-wrap:anywhere}
.r{display:inline-block;border-radius:3px;padding:1px 6px;margin:2px 4px 2px 0;font-size:12px;border:1px solid #999}
.r-endorsement{background:#fde0dd;border-color:#c51b7d}.r-counter_speech{background:#e5f5e0;border-color:#238b45}
.r-left{background:#eeeeee}.r-silent{background:#ffffff}
.rv{display:inline-block;border-radius:3px;padding:1px 6px;font-size:12px;margin-left:6px;border:1px solid #666}
.rv-confirmed{background:#1a1a1a;color:#fff}.rv-dismissed{background:#eee;color:#555;text-decoration:line-through}
.rv-escalated{background:#fdd49e}.rv-unreviewed{background:#fff;color:#555}
code{font-size:11px;overflow-wrap:anywhere}
.thumbs{display:flex;gap:10px;flex-wrap:wrap;margin:6px 0}.thumb{position:relative;display:inline-block}
.thumb input{position:absolute;opacity:0;width:0;height:0}.thumb img{max-width:240px;max-height:240px;display:block;
border:1px solid #999}.thumb.blur img{filter:blur(18px)}.thumb.blur input:checked+img{filter:none}
.thumb label{cursor:pointer;display:block}.thumb .hint{font-size:11px;color:#555}
@media print{.thumb.blur img{filter:blur(18px)!important}}
@page{size:A4;margin:12mm}
@media print{body{max-width:none;padding:0;font-size:12px}h2{page-break-after:avoid}}
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _ts(dt: datetime | None) -> str:
    return dt.strftime("%d %b %Y %H:%M") if dt else "—"


def render(analysis: CaseAnalysis, case_name: str, redactor: Redactor | None = None,
           generated: datetime | None = None, people_file: str | None = None) -> str:
    inv = analysis.investigation
    tax = taxonomy()
    names = {c.code: c.name for c in tax.categories}
    r = redactor or Redactor()
    r.prepare(inv.profiles, {p.name: p.aliases for p in inv.profiles.values()})
    label = {p: r.name(p) or p for p in inv.profiles}
    generated = generated or datetime.now(timezone.utc)
    flagged_people = [p for p in inv.profiles.values() if p.flagged_messages]

    def cats(codes: tuple[str, ...] | list[str]) -> str:
        return "".join(f'<span class="cat" style="background:{charts.colour(c)}">{_e(names.get(c, c))}</span>'
                       for c in codes)

    parts = [f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>chatprobe report: {_e(case_name)}</title><style>{CSS}</style></head><body>
<h1>Chat investigation report: {_e(case_name)}</h1>
<p class="muted">Generated {generated:%d %B %Y %H:%M} UTC by chatprobe {_e(__version__)} from analysis run
{_e(analysis.run['id'])} ({_e(analysis.run['finished_at'])}).</p>
<p class="notice">The findings below are <b>advisory</b>: software flagged these messages for a person to review.
A flag is not a finding of misconduct. Check every exhibit against the original evidence (file and line given).
{'<br><b>Redacted:</b> ' + ', '.join(x for x, on in (('phone numbers', r.phones), ('names of people who are not subjects', r.others)) if on) + '.' if r.active else ''}</p>
"""]
    # -- summary ------------------------------------------------------------------------------------
    total_msgs = sum(c.messages for c in inv.chats)
    responses = {k: sum(p.responses[k] for p in inv.profiles.values()) for k in RESPONSES}
    parts.append('<h2>Summary</h2><div class="figures">')
    for title, value in (("messages", total_msgs), ("flagged messages", len(inv.findings)),
                         ("members", len(inv.profiles)), ("members who sent flagged messages", len(flagged_people)),
                         ("endorsements", responses["endorsement"]), ("challenges", responses["counter_speech"])):
        parts.append(f'<div class="figure"><b>{value:,}</b>{_e(title)}</div>')
    parts.append("</div><table><tr><th>chat</th><th>source file</th><th>period</th><th>messages</th>"
                 "<th>members</th><th>flagged</th><th>by category</th></tr>")
    for c in inv.chats:
        parts.append(f"<tr><td>{_e(r.text(c.title or c.chat_id))}</td><td>{_e(c.source_file)}<br>"
                     f"<code>{_e(c.source_sha256)}</code></td><td>{_ts(c.first)} – {_ts(c.last)}</td>"
                     f'<td class="n">{c.messages:,}</td><td class="n">{len(c.members)}</td>'
                     f'<td class="n">{c.flagged_messages}</td><td>'
                     + ", ".join(f"{_e(names.get(k, k))} {v}" for k, v in sorted(c.flagged.items())) + "</td></tr>")
    parts.append("</table>")
    # -- charts ----------------------------------------------------------------------------------------
    parts.append("<h2>Flagged messages over time</h2><p class='small muted'>One row per member who sent a flagged "
                 "message; each dot is one exhibit, coloured by category.</p>")
    parts.append(charts.timeline(inv.findings, label))
    legend = sorted({c for f in inv.findings for c in f.categories})
    if legend:
        parts.append('<p class="small">' + cats(legend) + "</p>")
    parts.append("<h2>Categories by member</h2>")
    parts.append(charts.heatmap(list(inv.profiles.values()), tax.codes, names, label))
    # -- members -----------------------------------------------------------------------------------------
    parts.append("<h2>Members</h2><p class='small muted'>Present: flagged messages sent by others while the member "
                 "was in the group. Responses within "
                 f"{inv.options.window_messages} messages and {inv.options.window_minutes:g} minutes: endorsed (laughing "
                 "or approving reply), challenged, left the group, or silent.</p>")
    parts.append("<table><tr><th>member</th><th>also written as</th><th>messages</th><th>flagged sent</th>"
                 "<th>first / last flagged</th><th>present</th><th>endorsed</th><th>challenged</th><th>silent</th>"
                 "<th>left</th></tr>")
    for p in inv.profiles.values():
        aliases = "" if (r.active and not p.subject) else ", ".join(p.aliases)
        flagged = ", ".join(f"{names.get(k, k)} {v}" for k, v in sorted(p.flagged_sent.items())) or "—"
        subj = " <span class='small'>(subject)</span>" if p.subject else ""
        parts.append(f"<tr><td>{_e(label[p.name])}{subj}</td><td>{_e(r.text(aliases))}</td>"
                     f'<td class="n">{p.messages_sent:,}</td><td>{_e(flagged)}</td>'
                     f"<td>{_ts(p.first_flagged)}<br>{_ts(p.last_flagged)}</td>"
                     f'<td class="n">{p.present_for_flagged}</td><td class="n">{p.responses["endorsement"]}</td>'
                     f'<td class="n">{p.responses["counter_speech"]}</td><td class="n">{p.responses["silent"]}</td>'
                     f'<td class="n">{p.responses["left"]}</td></tr>')
    parts.append("</table>")
    # -- exhibits ------------------------------------------------------------------------------------------
    parts.append(f"<h2>Exhibits ({len(inv.findings)})</h2>")
    if not inv.findings:
        parts.append("<p>No message was flagged.</p>")
    wide = len(inv.findings) <= CONVERSATION_MAX  # beyond that the file would grow past what a reader opens
    if not wide:
        parts.append(f'<p class="small">With {len(inv.findings):,} exhibits, each shows only the messages around it '
                     "(--context); read any of them in the whole conversation in the web UI (chatprobe serve), "
                     "or report a chosen set (--tag, --status, --search).</p>")
    for n, f in enumerate(inv.findings, 1):
        parts.append(_exhibit(n, f, r, label, cats, names, analysis.reviews.get(f.message.id), wide))
    # -- method ----------------------------------------------------------------------------------------------
    parts.append(_method(analysis, r, people_file))
    parts.append("</body></html>\n")
    return "".join(parts)


def _review(state: Any) -> tuple[str, str]:
    """(badge, lines) for an exhibit's review status."""
    status = state.status if state else "unreviewed"
    badge = f'<span class="rv rv-{_e(status)}">{_e(status)}</span>'
    if not state:
        return badge, ""
    lines = []
    for label, d in (("first review", state.first), ("second review", state.second)):
        if d:
            lines.append(f"{label}: {_e(d.decision)} by {_e(d.reviewer)} ({_e(d.at)})" + (f" — {_e(d.note)}" if d.note else ""))
    if state.agreement is not None:
        lines.append("reviewers agree" if state.agreement else "<b>reviewers disagree</b>")
    return badge, '<div class="small"><b>Review:</b> ' + "; ".join(lines) + "</div>"


CONVERSATION_MAX = 300  # exhibits that carry the wider conversation (a <details> each) in one report


def _exhibit(n: int, f: Finding, r: Redactor, label: Mapping[str, str], cats: Any, names: Mapping[str, str],
             review: Any = None, conversation: bool = True) -> str:
    m = f.message
    scores = ", ".join(f"{names.get(c, c)} {f.classification.scores.get(c, 0):.2f}" for c in f.categories)
    def table(window: list[tuple[Any, str | None]]) -> str:
        rows = []
        for msg, who in window:
            cls = ' class="flagged"' if msg.id == m.id else ""
            sender = label.get(who, who) if who else "(system)"
            body = msg.text or f"({msg.kind.value})"
            rows.append(f"<tr{cls}><td>{_e(_ts(msg.timestamp))}</td><td>{_e(sender)}</td>"
                        f'<td class="msg">{_e(r.text(body))}</td></tr>')
        return f'<table class="context">{"".join(rows)}</table>'
    wider = ""
    if conversation and len(f.conversation) > len(f.context):
        wider = (f'<details class="conversation"><summary>The conversation at this point ({len(f.conversation)} '
                 f"messages around it)</summary>{table(f.conversation)}</details>")
    resp = "".join(f'<span class="r r-{_e(x.response)}" title="{_e(r.text(x.text or ""))}">{_e(label.get(p, p))}: '
                   f"{_e(RESPONSE_NAMES[x.response])}</span>" for p, x in f.responses.items()) or "nobody else present"
    badge, review_lines = _review(review)
    return f"""<div class="exhibit" id="CP-{n:03d}"><h3>Exhibit CP-{n:03d} {cats(f.categories)}{badge}</h3>
<div class="small">{_e(_ts(m.timestamp))} (as written: <code>{_e(m.timestamp_raw)}</code>) · chat
{_e(r.text(f.chat_title or m.chat_id))} · sent by <b>{_e(label.get(f.sender, f.sender))}</b> · severity
{_e(severity_text(f, names, r))} · scores {_e(scores)}</div>
<div class="text">{_e(r.text(m.text)) or "(" + _e(m.kind.value) + ")"}</div>
{_media(f, r)}
<div class="small"><b>Why flagged:</b> {_e(r.text(explanation(f)))}</div>
<div class="small"><b>Members present and their response:</b> {resp}</div>{review_lines}
{table(f.context)}{wider}
<div class="small muted">Source: {_e(m.source.file)} line {m.source.line_start} · sha256 <code>{_e(m.source.file_sha256)}</code> ·
message id <code>{_e(m.id)}</code></div></div>"""


def _media(f: Finding, r: Redactor) -> str:
    """Thumbnails (blurred when the nudity model flagged them; a click reveals one, with no script) and the
    text read from the images."""
    c = f.classification
    parts = []
    if c.thumbnails:
        blur = "pornographic_media" in f.categories
        parts.append('<div class="thumbs">')
        for n, (name, b64) in enumerate(sorted(c.thumbnails.items())):
            ident = f"t-{_e(f.message.id)}-{n}"
            hint = '<span class="hint">blurred: click to reveal</span>' if blur else ""
            parts.append(f'<span class="thumb{" blur" if blur else ""}"><label for="{ident}">'
                         f'<input type="checkbox" id="{ident}"><img alt="{_e(name)}" '
                         f'src="data:image/jpeg;base64,{_e(b64)}">{hint}</label></span>')
        parts.append("</div>")
    if c.image_text:
        parts.append(f'<div class="small"><b>Text in the image:</b> {_e(r.text(c.image_text))}</div>')
    if c.transcript:
        parts.append(f'<div class="small"><b>Voice note, automatic transcript</b> (listen to the original: '
                     f'machine transcripts mishear): {_e(r.text(c.transcript))}</div>')
    return "".join(parts)


def _method(analysis: CaseAnalysis, r: Redactor, people_file: str | None) -> str:
    inv = analysis.investigation
    pipe = json.loads(analysis.run["pipeline"])
    out = ["<h2>Method</h2><table>",
           f"<tr><th>tool</th><td>chatprobe {_e(analysis.run['tool_version'])} (analysis run {_e(analysis.run['id'])}, "
           f"{_e(analysis.run['started_at'])} – {_e(analysis.run['finished_at'])}, by {_e(analysis.run['run_by'])} on "
           f"{_e(analysis.run['host'])}); report by chatprobe {_e(__version__)}</td></tr>",
           f"<tr><th>pipeline</th><td>{_e(pipe.get('pipeline'))}, taxonomy {_e(pipe.get('taxonomy'))}; options "
           f"<code>{_e(json.dumps(pipe.get('options', {}), sort_keys=True))}</code></td></tr>"]
    out.append("<tr><th>severity</th><td>advisory, per message: " + "; ".join(_e(v) for v in SEVERITY.values())
               + ". Each exhibit says what earned its severity.</td></tr>")
    gate = pipe.get("language_gate")
    if gate:
        counts = pipe.get("not_assessed", {})
        langs = ", ".join(f"{_e(k)} {v:,}" for k, v in counts.items())
        out.append(f"<tr><th>languages</th><td>detection is English only. <b>{sum(counts.values()):,} messages were "
                   f"not assessed</b>{' (language ' + langs + ')' if counts else ''}: their language was identified "
                   f"by {_e(gate.get('model'))} (sha256 <code>{_e(str(gate.get('sha256'))[:12])}</code>) with "
                   f"{_e(gate.get('min_words'))}+ words at probability {_e(gate.get('min_probability'))}+; only "
                   "explicit English slurs were looked for in them. Shorter messages are taken as English.</td></tr>")
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
        out.append(f"<tr><th>detector {_e(d.get('name'))}</th><td><code>{_e('; '.join(bits))}</code></td></tr>")
    o = inv.options
    out.append(f"<tr><th>bystander analysis</th><td>context {o.context_before} before / {o.context_after} after; "
               f"responses within {o.window_messages} messages and {o.window_minutes:g} minutes; membership from the "
               "group's system messages; people file: " + _e(people_file or "none (identities as written)") + "</td></tr>")
    media = pipe.get("media") or {}
    if media:
        out.append(f"<tr><th>media</th><td>nudity model <code>{_e(media.get('model', 'not loaded'))}</code>, threshold "
                   f"{_e(media.get('threshold'))}; text in images: {_e(media.get('ocr') or 'not read (Tesseract not installed)')}; "
                   f"voice notes: {_e(media.get('speech') or 'none in this case, or no speech model')}; "
                   f"{analysis.media_analysed} attachments analysed, {len(analysis.media_not_analysed)} not analysed "
                   "(listed below)</td></tr>")
    out.append("</table><h3>Evidence</h3><table><tr><th>file</th><th>sha256</th><th>size</th><th>imported</th></tr>")
    for ev in analysis.evidence:
        out.append(f"<tr><td>{_e(ev['original_name'])}</td><td><code>{_e(ev['sha256'])}</code></td>"
                   f'<td class="n">{int(ev["size"]):,}</td><td>{_e(ev["imported_at"])} by {_e(ev["imported_by"])}</td></tr>')
    out.append("</table>")
    if analysis.media_not_analysed:
        from collections import Counter
        reasons = Counter(x["reason"] for x in analysis.media_not_analysed)
        out.append(f"<h3>Media not analysed ({len(analysis.media_not_analysed)})</h3><p class='small'>"
                   + "; ".join(f"{_e(k)}: {v}" for k, v in reasons.most_common()) + "</p>")
        out.append("<table><tr><th>message</th><th>file</th><th>type</th><th>why</th></tr>")
        for x in analysis.media_not_analysed[:200]:
            out.append(f"<tr><td><code>{_e(x['message_id'])}</code></td><td>{_e(x['name'])}</td><td>{_e(x['type'])}</td>"
                       f"<td>{_e(x['reason'])}</td></tr>")
        out.append("</table>")
    out.append(f"<h3>Import warnings ({len(analysis.warnings)})</h3>")
    if analysis.warnings:
        out.append("<table><tr><th>file</th><th>line</th><th>warning</th></tr>")
        for w in analysis.warnings[:200]:
            out.append(f"<tr><td>{_e(w['file'])}</td><td class='n'>{_e(w['line'])}</td><td>{_e(r.text(w['message']))}</td></tr>")
        out.append("</table>")
        if len(analysis.warnings) > 200:
            out.append(f"<p class='small'>… and {len(analysis.warnings) - 200} more (see the JSON export).</p>")
    else:
        out.append("<p class='small'>None.</p>")
    return "".join(out)
