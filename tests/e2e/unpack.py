"""Unpacks a report pack as a clerk's unzip tool would, with Python's zipfile: every member's CRC
is checked (testzip), names are read as the archive declares them (UTF-8 flag), and the members
are extracted to a folder.

Usage: python3 unpack.py PACK.zip FOLDER — prints {"bad": null|name, "names": [...], "utf8": [...]}
"""

import json
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as pack:
    bad = pack.testzip()
    infos = pack.infolist()
    pack.extractall(sys.argv[2])
    print(
        json.dumps(
            {
                "bad": bad,
                "names": [info.filename for info in infos],
                "utf8": [bool(info.flag_bits & 0x800) for info in infos],
                "stored": all(info.compress_type == zipfile.ZIP_STORED for info in infos),
            },
            ensure_ascii=False,
        )
    )
