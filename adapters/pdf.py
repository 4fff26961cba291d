"""A small PDF writer for the templates the platform hands out (成果转换办法（模板）).

Text is set in STSong-Light with the UniGB-UCS2-H encoding: a CJK font every PDF reader has, so
nothing is embedded and no font package is needed.
"""

from __future__ import annotations

from collections.abc import Sequence


def _text(value: str) -> str:
    return "<" + value.encode("utf-16-be").hex().upper() + ">"


def simple_pdf(title: str, lines: Sequence[str]) -> bytes:
    """One A4 page per 40 lines: a title, then the lines."""
    pages: list[list[str]] = []
    for start in range(0, max(len(lines), 1), 40):
        pages.append(list(lines[start:start + 40]))
    objects: list[bytes] = []

    def add(body: str | bytes) -> int:
        objects.append(body.encode("latin-1") if isinstance(body, str) else body)
        return len(objects)

    font = add("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
               "/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
               "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
               "/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
               "/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
               "/CapHeight 880 /StemV 93 >> >>] >>")
    pages_id = len(objects) + 1 + 2 * len(pages)
    page_ids = []
    for number, page_lines in enumerate(pages):
        commands = ["BT", "/F1 18 Tf", "72 780 Td", f"{_text(title)} Tj", "/F1 11 Tf", "0 -30 Td"]
        for line in page_lines:
            commands += [f"{_text(line)} Tj", "0 -17 Td"]
        if len(pages) > 1:
            commands += [f"{_text(f'第 {number + 1} 页')} Tj"]
        commands.append("ET")
        stream = "\n".join(commands).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842] "
                            f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"))
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    assert add(f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>") == pages_id
    catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, xref)
    return bytes(out)
