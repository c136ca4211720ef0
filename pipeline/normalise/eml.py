"""Email (.eml) -> PDF: headers, body, attachment list; attachments returned as bytes.

Headers shown: From, To, Cc, Date, Subject. The text/plain body is preferred; an HTML-only
body is rendered as readable text (scripts and styles removed); when both exist and the
HTML carries words the plain text lacks, both are shown. Attachments (including inline
images and attached emails, which are returned as ``.eml``) are listed by name in the PDF
and returned in ``NormalisedDocument.attachments`` for the flow to process as documents
of their own. The parser is lenient: a broken MIME structure or bad base64 yields what can
be recovered.
"""
from __future__ import annotations

import logging
import mimetypes
import re
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import parsedate_to_datetime

from pipeline.errors import DocumentError
from pipeline.limits import Limits
from pipeline.models import Attachment, NormalisedDocument, SourceDocument
from pipeline.render import esc, html_to_pdf

log = logging.getLogger(__name__)

HEADERS = ("From", "To", "Cc", "Date", "Subject")
MAX_PARTS = 2000


def html_to_text(markup: str) -> str:
    """Readable text from HTML: scripts/styles dropped, block elements on their own lines."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    text = soup.get_text("\n")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def _header(msg: Message, name: str) -> str:
    try:
        values = msg.get_all(name) or []
        return ", ".join(" ".join(str(v).split()) for v in values)
    except Exception:
        try:
            raw = msg.get_all(name, failobj=[])
            return ", ".join(" ".join(str(v).split()) for v in raw)
        except Exception:
            return ""


def _decode_part(part: Message) -> str:
    try:
        content = part.get_content()  # type: ignore[attr-defined]
        if isinstance(content, str):
            return content
    except Exception:
        pass
    payload = part.get_payload(decode=True) or b""
    if isinstance(payload, str):
        return payload
    charset = part.get_content_charset() or "utf-8"
    for enc in (charset, "utf-8", "cp1252"):
        try:
            return payload.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("utf-8", errors="replace")


def _safe_name(name: str) -> str:
    name = re.sub(r"[\x00-\x1f\x7f/\\#?*:|\"<>]", "_", name).strip().lstrip(".")
    return name[:150] or "attachment"


def _attachment_name(part: Message, i: int) -> str:
    try:
        name = part.get_filename()
    except Exception:
        name = None
    ctype = part.get_content_type()
    if not name:
        ext = ".eml" if ctype == "message/rfc822" else (mimetypes.guess_extension(ctype) or ".bin")
        if ext == ".jpe":
            ext = ".jpg"
        name = f"attachment-{i}{ext}"
    return _safe_name(name)


def _attachment_bytes(part: Message) -> bytes:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        if isinstance(inner, list) and inner:
            inner = inner[0]
        if isinstance(inner, Message):
            try:
                return inner.as_bytes(policy=policy.default)
            except Exception:
                return inner.as_bytes(policy=policy.compat32)
        if isinstance(inner, str):
            return inner.encode("utf-8", errors="replace")
    data = part.get_payload(decode=True)
    if data is None:
        p = part.get_payload()
        data = p.encode("utf-8", errors="replace") if isinstance(p, str) else b""
    return data


class _Collected:
    def __init__(self) -> None:
        self.plain: list[str] = []
        self.html: list[str] = []
        self.attachments: list[Attachment] = []
        self.parts = 0


def _walk(part: Message, got: _Collected) -> None:
    got.parts += 1
    if got.parts > MAX_PARTS:
        raise DocumentError(f"the email has too many parts (more than {MAX_PARTS})")
    ctype = part.get_content_type()
    if ctype == "message/rfc822":
        got.attachments.append(Attachment(_attachment_name(part, len(got.attachments) + 1), _attachment_bytes(part)))
        return
    if part.is_multipart():
        payload = part.get_payload()
        if isinstance(payload, list):
            for sub in payload:
                if isinstance(sub, Message):
                    _walk(sub, got)
        return
    try:
        disposition = part.get_content_disposition()
    except Exception:
        disposition = None
    try:
        has_name = bool(part.get_filename())
    except Exception:
        has_name = False
    is_body_text = ctype in ("text/plain", "text/html") and disposition != "attachment" and not has_name
    if is_body_text:
        text = _decode_part(part)
        (got.plain if ctype == "text/plain" else got.html).append(text)
        return
    if ctype.startswith("multipart/"):
        # a multipart part whose boundary is broken: keep its raw text as a body
        raw = part.get_payload()
        if isinstance(raw, str) and raw.strip():
            got.plain.append(raw)
        return
    got.attachments.append(Attachment(_attachment_name(part, len(got.attachments) + 1), _attachment_bytes(part)))


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w{3,}", text.lower()))


def parse_email(data: bytes) -> tuple[dict[str, str], str, list[tuple[str, str]], list[Attachment]]:
    """(headers, raw Date header, body sections [(label, text)], attachments)."""
    try:
        msg = BytesParser(policy=policy.default).parsebytes(data)
    except Exception:
        raise DocumentError("the email is damaged and cannot be read") from None
    headers = {h: _header(msg, h) for h in HEADERS}
    got = _Collected()
    _walk(msg, got)
    plain = "\n\n".join(t.strip("\n") for t in got.plain if t.strip())
    html_text = "\n\n".join(html_to_text(h) for h in got.html if h.strip())
    sections: list[tuple[str, str]] = []
    if plain:
        sections.append(("", plain))
        if html_text:
            extra = _words(html_text) - _words(plain)
            if len(extra) > max(3, len(_words(html_text)) // 10):
                sections.append(("HTML version of the message", html_text))
    elif html_text:
        sections.append(("", html_text))
    return headers, headers.get("Date", ""), sections, got.attachments


def normalise_email(src: SourceDocument, data: bytes, limits: Limits) -> NormalisedDocument:
    headers, date_raw, sections, attachments = parse_email(data)
    if not any(headers.values()) and not sections and not attachments:
        raise DocumentError("the email is empty or not a valid email")
    parts = ['<table class="headers">']
    for h in HEADERS:
        parts.append(f'<tr><th style="padding-right:8pt">{esc(h)}:</th><td>{esc(headers.get(h, ""))}</td></tr>')
    parts.append("</table><hr/>")
    if not sections:
        parts.append('<p class="note">(This email has no message text.)</p>')
    for label, text in sections:
        if label:
            parts.append(f"<h3>{esc(label)}</h3>")
        parts.append(f'<div class="pre">{esc(text)}</div>')
    if attachments:
        parts.append("<h3>Attachments</h3><ul>")
        for a in attachments:
            parts.append(f"<li>{esc(a.name)} ({len(a.data):,} bytes)</li>")
        parts.append("</ul>")
    pdf = html_to_pdf("".join(parts))
    when = None
    if date_raw:
        try:
            when = parsedate_to_datetime(date_raw).date()
        except Exception:
            when = None
    subject = " ".join(headers.get("Subject", "").split()) or None
    log.debug("email %s: %d attachments", src.doc_id, len(attachments))
    return NormalisedDocument(
        doc_id=src.doc_id,
        pdf=pdf,
        original_format="eml",
        title=subject,
        date=when,
        attachments=attachments,
    )
