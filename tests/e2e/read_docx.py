"""Reads a Word file as a clerk's Word would, with python-docx (Debian's python3-docx), and reports
what the tests check: page size and margins, each style's East-Asian font and size, the fonts'
fallback names, the pictures the package holds (name, type and SHA-256), the document's text.

Usage: /usr/bin/python3 read_docx.py FILE.docx — prints one JSON object.
"""

import hashlib
import json
import sys
import zipfile

import docx
from docx.oxml.ns import qn
from docx.shared import Length

MM = 36000  # EMU per millimetre


def mm(length: Length) -> float:
    return round(length / MM, 1)


def style_font(document, name):
    style = document.styles[name]
    fonts = style.element.rPr.rFonts
    return {
        "east_asia": fonts.get(qn("w:eastAsia")),
        "ascii": fonts.get(qn("w:ascii")),
        "size_pt": style.font.size.pt if style.font.size else None,
    }


path = sys.argv[1]
document = docx.Document(path)
section = document.sections[0]
with zipfile.ZipFile(path) as package:
    bad = package.testzip()
    content_types = package.read("[Content_Types].xml").decode("utf-8")
    media = [
        {
            "name": info.filename,
            "sha256": hashlib.sha256(package.read(info.filename)).hexdigest(),
        }
        for info in package.infolist()
        if info.filename.startswith("word/media/")
    ]
    font_table = package.read("word/fontTable.xml").decode("utf-8")
    document_xml = package.read("word/document.xml").decode("utf-8")

fallbacks = {}
for font in docx.oxml.parse_xml(font_table.encode("utf-8")).findall(qn("w:font")):
    alt = font.find(qn("w:altName"))
    fallbacks[font.get(qn("w:name"))] = alt.get(qn("w:val")) if alt is not None else None

print(
    json.dumps(
        {
            "bad": bad,
            "page_mm": [mm(section.page_width), mm(section.page_height)],
            "margins_mm": {
                "top": mm(section.top_margin),
                "bottom": mm(section.bottom_margin),
                "left": mm(section.left_margin),
                "right": mm(section.right_margin),
            },
            "styles": {
                name: style_font(document, name)
                for name in ["Title", "Normal", "Heading 1", "Heading 2"]
            },
            "fallbacks": fallbacks,
            "media": media,
            "jpeg_type": 'Extension="jpg" ContentType="image/jpeg"' in content_types,
            "paragraphs": [p.text for p in document.paragraphs],
            "tables": [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables],
            "replacement_characters": document_xml.count("\ufffd") + document_xml.count("??"),
        },
        ensure_ascii=False,
    )
)
