"""Make the text in Qt's PDFs read back as it was typed (copy, search, screen readers).

A PDF shows glyphs; each font's ToUnicode map says which characters a glyph stands for. Qt
builds that map from the font's character map, taking the *lowest* character that points to
each glyph. That is wrong for two kinds of glyph a letter meets:

- CJK fonts draw 小 (U+5C0F) and the Kangxi radical ⼩ (U+2F29) with one glyph, so "王小明"
  reads back as "王⼩明";
- shaped Arabic letters and Latin ligatures are reachable only through their presentation
  forms, so "دانا" reads back as "داﻧﺎ" and "office" as "oﬃce".

``fix_text_mapping`` rewrites each affected map with the compatibility form replaced by the
ordinary characters (Unicode NFKC), appended as a standard incremental update, so the page
itself is untouched. A PDF it does not understand is returned as it was.
"""

from __future__ import annotations

import re
import unicodedata

# Compatibility characters that stand for ordinary text when a glyph is shared or shaped:
# CJK radicals (U+2E80-U+2FDF), Latin/Armenian/Hebrew presentation forms and Arabic
# presentation forms A (U+FB00-U+FDFF), Arabic presentation forms B (U+FE70-U+FEFF).
_COMPATIBILITY_RANGES = ((0x2E80, 0x2FDF), (0xFB00, 0xFDFF), (0xFE70, 0xFEFF))

_TO_UNICODE = re.compile(rb"/ToUnicode\s+(\d+)\s+0\s+R")
_HEX = rb"<([0-9A-Fa-f]+)>"
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.DOTALL)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.DOTALL)
_CHAR_ENTRY = re.compile(_HEX + rb"\s*" + _HEX)
_RANGE_ENTRY = re.compile(_HEX + rb"\s*" + _HEX + rb"\s*(?:" + _HEX + rb"|\[([^\]]*)\])")
_CODESPACE_END = b"endcodespacerange\n"
_CMAP_END = b"endcmap"
_MAX_ENTRIES = 100  # per bfchar block, as the CMap specification allows


def _plain(text: str) -> str:
    """``text`` with each compatibility character replaced by what it stands for.

    A right-to-left ligature (lam-alef: "لا") is given in visual order, right to left as
    drawn, because text extractors turn a right-to-left run back into reading order by
    reversing its characters, a ligature's included (checked with poppler's pdftotext).
    """
    out = []
    for char in text:
        if any(low <= ord(char) <= high for low, high in _COMPATIBILITY_RANGES):
            plain = unicodedata.normalize("NFKC", char)
            if len(plain) > 1 and unicodedata.bidirectional(char) == "AL":
                plain = plain[::-1]
            out.append(plain)
        else:
            out.append(char)
    return "".join(out)


def _decode(hex_digits: bytes) -> str:
    return bytes.fromhex(hex_digits.decode("ascii")).decode("utf-16-be", "surrogatepass")


def _encode(text: str) -> bytes:
    return b"<" + text.encode("utf-16-be", "surrogatepass").hex().upper().encode("ascii") + b">"


def _mappings(cmap: bytes) -> tuple[dict[int, str], int] | None:
    """Code → text of a ToUnicode CMap, and the width of its codes in hex digits."""
    mapping: dict[int, str] = {}
    width = 4
    for block in _BFCHAR.findall(cmap):
        for source, target in _CHAR_ENTRY.findall(block):
            width = len(source)
            mapping[int(source, 16)] = _decode(target)
    for block in _BFRANGE.findall(cmap):
        for first, last, target, array in _RANGE_ENTRY.findall(block):
            width = len(first)
            start, end = int(first, 16), int(last, 16)
            if array:
                targets = re.findall(_HEX, array)
                for offset, item in enumerate(targets[: end - start + 1]):
                    mapping[start + offset] = _decode(item)
            else:
                text = _decode(target)
                if not text:
                    return None
                for offset in range(end - start + 1):
                    # A range counts up in its last character.
                    mapping[start + offset] = text[:-1] + chr(ord(text[-1]) + offset)
    return mapping, width


def _fixed_cmap(cmap: bytes) -> bytes | None:
    """The CMap with compatibility characters made plain, or None if nothing changes."""
    parsed = _mappings(cmap)
    head_end = cmap.find(_CODESPACE_END)
    tail_start = cmap.find(_CMAP_END)
    if parsed is None or head_end < 0 or tail_start < head_end:
        return None
    mapping, width = parsed
    fixed = {code: _plain(text) for code, text in mapping.items()}
    if fixed == mapping:
        return None
    entries = sorted(fixed.items())
    body = bytearray()
    for start in range(0, len(entries), _MAX_ENTRIES):
        chunk = entries[start : start + _MAX_ENTRIES]
        body += b"%d beginbfchar\n" % len(chunk)
        for code, text in chunk:
            body += b"<%0*X> %s\n" % (width, code, _encode(text))
        body += b"endbfchar\n"
    return cmap[: head_end + len(_CODESPACE_END)] + bytes(body) + cmap[tail_start:]


def _stream_of(pdf: bytes, number: int) -> bytes | None:
    """The content of object ``number`` if it is a plain (unfiltered) stream."""
    match = re.search(rb"(?:^|[\r\n])%d 0 obj\s*<<(.*?)>>\s*stream\r?\n" % number, pdf, re.DOTALL)
    if match is None or b"/Filter" in match.group(1) or b"endobj" in match.group(1):
        return None
    length = re.search(rb"/Length\s+(\d+)(\s+\d+\s+R)?", match.group(1))
    if length is None or length.group(2):
        return None
    start = match.end()
    return pdf[start : start + int(length.group(1))]


def fix_text_mapping(pdf: bytes) -> bytes:
    """``pdf`` with ToUnicode maps that read back as typed (see the module's doc)."""
    try:
        return _fix(pdf)
    except (ValueError, UnicodeError, IndexError):
        return pdf


def _fix(pdf: bytes) -> bytes:
    replacements: dict[int, bytes] = {}
    for number in sorted({int(n) for n in _TO_UNICODE.findall(pdf)}):
        cmap = _stream_of(pdf, number)
        fixed = _fixed_cmap(cmap) if cmap is not None else None
        if fixed is not None:
            replacements[number] = fixed
    if not replacements:
        return pdf
    startxref = re.findall(rb"startxref\s+(\d+)\s+%%EOF", pdf)
    trailer_at = pdf.rfind(b"trailer")
    if not startxref or trailer_at < 0:
        return pdf
    trailer = pdf[trailer_at + len(b"trailer") : pdf.rfind(b"startxref")].strip()
    if not trailer.endswith(b">>") or b"/Prev" in trailer:
        return pdf
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets: dict[int, int] = {}
    for number, cmap in replacements.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n<< /Length %d >>\nstream\n" % (number, len(cmap))
        out += cmap + b"\nendstream\nendobj\n"
    xref_at = len(out)
    out += b"xref\n"
    for number in sorted(offsets):
        out += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
    out += b"trailer\n" + trailer[:-2].rstrip() + b"\n/Prev %d\n>>\n" % int(startxref[-1])
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)
