#!/usr/bin/env python3
"""Checks the gazetteers in this folder (see README.md here).

Usage: python3 data/check.py [DATA_DIR]      exit 0 = clean, 1 = problems (listed on stderr)

Checks: exact header rows, column counts, stray whitespace, allowed enum values, that no
phrase (name, alias, demonym, metonym, title, word) is claimed by two rows of one file as the
extractor keys it (ingest/text/lexicon.cpp: lower-cased tokens, see phrase_key below), and that
every part_of / capital / country / parent / org / maintainer reference resolves.
Phrases shared across files are only reported as notes (--notes).
"""
import os
import sys

HEADERS = {
    "regions.tsv": "name\tkind\taliases\tdemonyms\tpart_of\tcapital",
    "agencies.tsv": "name\taliases\tcountry\tparent\tmetonyms",
    "titles.tsv": "title\torg\tkind",
    "lists.tsv": "name\taliases\tmaintainer",
    "groups.tsv": "name\taliases",
    "org_words.tsv": "word\ttype\tposition",
}
REGION_KINDS = {"country", "territory", "supranational", "continent", "region", "province",
                "state", "city", "sea"}
NO_CAPITAL = {"Soviet Union"}  # countries that may leave capital empty
TITLE_KINDS = {"official", "honorific", "company"}
WORD_TYPES = {"agency", "firm", "org"}
WORD_POSITIONS = {"head", "suffix", "any"}
# Lower bounds, so that a truncated file fails CI.
MIN_ROWS = {"regions.tsv": 450, "agencies.tsv": 250, "titles.tsv": 200, "lists.tsv": 25,
            "groups.tsv": 40, "org_words.tsv": 100, "given_names.txt": 1500, "surnames.txt": 400}

# ---------------------------------------------------------------------------------------------
# Port of ingest/text/tokens.cpp tokenize() and lexicon.cpp phrase_key(), on UTF-8 bytes.
_SPECIALS = [(s.encode(), a) for s, a in [
    ("\u00a0", ""), ("\u2009", ""), ("\u202f", ""), ("\u200b", ""), ("\u2018", "'"),
    ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-"),
    ("\u2010", "-"), ("\u2011", "-"), ("\u2022", "*"), ("\u00b7", "*")]]
_RSQUO = "\u2019".encode()


def _alpha(c):
    return (c | 0x20) >= 0x61 and (c | 0x20) <= 0x7A


def _digit(c):
    return 0x30 <= c <= 0x39


def _special_at(t, i):
    if t[i] < 0x80:
        return None
    for b, a in _SPECIALS:
        if t.startswith(b, i):
            return (b, a)
    return None


def _word_byte(t, i):
    c = t[i]
    if c >= 0x80:
        return _special_at(t, i) is None
    return _alpha(c) or _digit(c)


def _apostrophe_at(t, i):
    if t[i] == 0x27:
        return 1
    if t.startswith(_RSQUO, i):
        return 3
    return 0


def _lower(b):
    return bytes(c + 32 if 0x41 <= c <= 0x5A else c for c in b)


def tokenize(text):
    """Lower-cased token texts of `text`, as the C++ tokenizer produces them."""
    t = text.encode("utf-8")
    n = len(t)
    out = []
    i = 0
    while i < n:
        c = t[i]
        if c in b" \t\n\r\f\v":
            i += 1
            continue
        sp = _special_at(t, i)
        if sp is not None:
            b, a = sp
            if a == "":
                i += len(b)
                continue
            if not (a == "'" and i + 3 < n and t[i + 3] in b"sS" and
                    (i + 4 == n or not _word_byte(t, i + 4))):
                out.append(a.encode())
                i += len(b)
                continue
        ap = _apostrophe_at(t, i)
        if ap and i + ap < n and t[i + ap] in b"sS" and (i + ap + 1 == n or not _word_byte(t, i + ap + 1)):
            out.append(b"'s")
            i += ap + 1
            continue
        if not _word_byte(t, i):
            out.append(t[i:i + 1])
            i += 1
            continue
        word = bytearray()
        j = i
        while j < n:
            if _word_byte(t, j):
                b0 = t[j]
                w = 1 if b0 < 0x80 else 4 if b0 >= 0xF0 else 3 if b0 >= 0xE0 else 2
                word += t[j:j + w]
                j += w
                continue
            d = t[j]
            next_word = j + 1 < n and _word_byte(t, j + 1)
            if d in b"-/" and next_word:
                word.append(d)
                j += 1
                continue
            ap = _apostrophe_at(t, j)
            if ap and j + ap < n and _word_byte(t, j + ap):
                possessive = t[j + ap] in b"sS" and (j + ap + 1 == n or not _word_byte(t, j + ap + 1))
                if possessive:
                    break
                word.append(0x27)
                j += ap
                continue
            if d == 0x2E:
                word_len = j - i
                single_letter = word_len == 1 and _alpha(t[i])
                in_acronym = len(word) >= 2 and word[-2] == 0x2E
                digits = _digit(t[j - 1]) and j + 1 < n and _digit(t[j + 1])
                if digits:
                    word.append(0x2E)
                    j += 1
                    continue
                if single_letter or in_acronym:
                    word.append(0x2E)
                    j += 1
                    if j < n and _alpha(t[j]) and (j + 1 == n or t[j + 1] == 0x2E):
                        continue
                    break
            break
        out.append(bytes(word))
        i = j
    return [_lower(w).decode("utf-8") for w in out]


def phrase_key(phrase):
    return " ".join(tokenize(phrase))


# ---------------------------------------------------------------------------------------------
class Checker:
    def __init__(self, root):
        self.root = root
        self.problems = []
        self.notes = []

    def bad(self, where, msg):
        self.problems.append(f"{where}: {msg}")

    def read_lines(self, name):
        path = os.path.join(self.root, name)
        try:
            raw = open(path, "rb").read()
        except OSError as e:
            self.bad(name, f"cannot read ({e.strerror})")
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            self.bad(name, f"not UTF-8 ({e})")
            return None
        if text.startswith("\ufeff"):
            self.bad(name, "starts with a byte-order mark")
        if "\r" in text:
            self.bad(name, "has CR characters (use LF line ends)")
        if text and not text.endswith("\n"):
            self.bad(name, "does not end with a newline")
        return text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")

    def table(self, name):
        """Rows as (line number, cells) after the exact header; None if unreadable."""
        lines = self.read_lines(name)
        if lines is None:
            return None
        header = HEADERS[name]
        if not lines or lines[0] != header:
            self.bad(f"{name}:1", f"header must be exactly {header!r}")
            return None
        ncols = header.count("\t") + 1
        rows = []
        for no, line in enumerate(lines[1:], start=2):
            where = f"{name}:{no}"
            if line.startswith("#"):
                continue
            if line == "":
                self.bad(where, "blank line")
                continue
            if line != line.strip(" \v\f"):
                self.bad(where, "leading or trailing spaces")
            cells = line.split("\t")
            if len(cells) != ncols:
                self.bad(where, f"expected {ncols} columns, got {len(cells)}")
                continue
            if not cells[0]:
                self.bad(where, "empty first column")
                continue
            for c in cells:
                if c != c.strip():
                    self.bad(where, f"cell {c!r} has surrounding whitespace")
                if c and ("||" in c or c.startswith("|") or c.endswith("|")):
                    self.bad(where, f"cell {c!r} has an empty '|' value")
                for v in c.split("|"):
                    if v != v.strip():
                        self.bad(where, f"value {v!r} has surrounding whitespace")
                    if "  " in v:
                        self.bad(where, f"value {v!r} has a double space")
            rows.append((no, cells))
        if len(rows) < MIN_ROWS[name]:
            self.bad(name, f"only {len(rows)} rows, expected at least {MIN_ROWS[name]}")
        return rows

    @staticmethod
    def values(cell):
        return [v for v in cell.split("|") if v]

    def unique(self, name, label, entries):
        """entries: (line, row id, phrase). A key may repeat within a row only once."""
        seen = {}
        for no, row, phrase in entries:
            key = phrase_key(phrase)
            if not key:
                self.bad(f"{name}:{no}", f"{label} {phrase!r} has no words")
                continue
            if key in seen:
                pno, prow, pphrase = seen[key]
                if prow == row:
                    # Harmless: the loader keeps one hit per row. Case variants are deliberate.
                    self.notes.append(f"{name}:{no}: {label} {phrase!r} has the key of {pphrase!r}")
                else:
                    self.bad(f"{name}:{no}", f"{label} {phrase!r} also belongs to line {pno} "
                                             f"({prow}) as {pphrase!r}")
            else:
                seen[key] = (no, row, phrase)
        return seen

    # -----------------------------------------------------------------------------------------
    def run(self):
        regions = self.table("regions.tsv")
        agencies = self.table("agencies.tsv")
        titles = self.table("titles.tsv")
        lists = self.table("lists.tsv")
        groups = self.table("groups.tsv")
        words = self.table("org_words.tsv")

        region_names, region_kind = {}, {}
        region_keys = agency_keys = list_keys = group_keys = {}
        if regions is not None:
            for no, c in regions:
                if c[0] in region_names:
                    self.bad(f"regions.tsv:{no}", f"name {c[0]!r} repeats line {region_names[c[0]]}")
                region_names.setdefault(c[0], no)
                region_kind[c[0]] = c[1]
            region_keys = self.unique("regions.tsv", "name/alias", [
                (no, c[0], p) for no, c in regions for p in [c[0]] + self.values(c[2])])
            self.unique("regions.tsv", "demonym", [
                (no, c[0], p) for no, c in regions for p in self.values(c[3])])
            for no, c in regions:
                where = f"regions.tsv:{no}"
                name, kind, _, _, part_of, capital = c
                if kind not in REGION_KINDS:
                    self.bad(where, f"kind {kind!r} not one of {sorted(REGION_KINDS)}")
                if part_of:
                    if part_of not in region_names:
                        self.bad(where, f"part_of {part_of!r} is not a region name")
                    elif region_kind[part_of] not in ("country", "territory"):
                        self.bad(where, f"part_of {part_of!r} is a {region_kind[part_of]}, "
                                        "not a country or territory")
                    elif part_of == name:
                        self.bad(where, "part_of names the row itself")
                if kind in ("province", "state", "city") and not part_of:
                    self.bad(where, f"a {kind} needs part_of")
                if kind == "country" and part_of:
                    self.bad(where, "a country has no part_of")
                if capital:
                    if capital not in region_names:
                        self.bad(where, f"capital {capital!r} is not a region name")
                    elif capital != name and region_kind[capital] != "city":
                        self.bad(where, f"capital {capital!r} is a {region_kind[capital]}, not a city")
                    else:
                        cap_row = next(cc for _, cc in regions if cc[0] == capital)
                        if capital != name and cap_row[4] != name and kind != "supranational":
                            self.bad(where, f"capital {capital!r} has part_of {cap_row[4]!r}, "
                                            f"not {name!r}")
                if kind == "country" and not capital and name not in NO_CAPITAL:
                    self.bad(where, "country without a capital")

        agency_names = {}
        if agencies is not None:
            for no, c in agencies:
                if c[0] in agency_names:
                    self.bad(f"agencies.tsv:{no}", f"name {c[0]!r} repeats line {agency_names[c[0]]}")
                agency_names.setdefault(c[0], no)
            agency_keys = self.unique("agencies.tsv", "name/alias", [
                (no, c[0], p) for no, c in agencies for p in [c[0]] + self.values(c[1])])
            meto = self.unique("agencies.tsv", "metonym", [
                (no, c[0], p) for no, c in agencies for p in self.values(c[4])])
            for key, (no, row, phrase) in meto.items():
                if " " in key:
                    self.bad(f"agencies.tsv:{no}", f"metonym {phrase!r} is not a single word")
                if key in agency_keys and agency_keys[key][1] != row:
                    self.bad(f"agencies.tsv:{no}", f"metonym {phrase!r} is a name/alias of "
                                                   f"{agency_keys[key][1]!r}")
            parent_of = {}
            for no, c in agencies:
                where = f"agencies.tsv:{no}"
                name, _, country, parent, _ = c
                if country and regions is not None and country not in region_names:
                    self.bad(where, f"country {country!r} is not a region name")
                if parent:
                    if parent not in agency_names:
                        self.bad(where, f"parent {parent!r} is not an agency name")
                    elif parent == name:
                        self.bad(where, "parent names the row itself")
                    parent_of[name] = parent
            for name in parent_of:
                seen, cur = {name}, parent_of.get(name)
                while cur:
                    if cur in seen:
                        self.bad("agencies.tsv", f"parent cycle through {name!r}")
                        break
                    seen.add(cur)
                    cur = parent_of.get(cur)

        if titles is not None:
            self.unique("titles.tsv", "title", [(no, c[0], c[0]) for no, c in titles])
            for no, (title, org, kind) in titles:
                where = f"titles.tsv:{no}"
                if kind not in TITLE_KINDS:
                    self.bad(where, f"kind {kind!r} not one of {sorted(TITLE_KINDS)}")
                if org and org != "@country" and agencies is not None and org not in agency_names:
                    self.bad(where, f"org {org!r} is not an agency name (nor @country)")
                if kind != "official" and org:
                    self.bad(where, f"a {kind} title names no org")

        if lists is not None:
            list_keys = self.unique("lists.tsv", "name/alias", [
                (no, c[0], p) for no, c in lists for p in [c[0]] + self.values(c[1])])
            for no, (_, _, maintainer) in lists:
                if not maintainer:
                    self.bad(f"lists.tsv:{no}", "empty maintainer")
                elif agencies is not None and maintainer not in agency_names:
                    self.bad(f"lists.tsv:{no}", f"maintainer {maintainer!r} is not an agency name")

        if groups is not None:
            group_keys = self.unique("groups.tsv", "name/alias", [
                (no, c[0], p) for no, c in groups for p in [c[0]] + self.values(c[1])])

        if words is not None:
            self.unique("org_words.tsv", "word", [(no, c[0], c[0]) for no, c in words])
            for no, (_, typ, pos) in words:
                if typ not in WORD_TYPES:
                    self.bad(f"org_words.tsv:{no}", f"type {typ!r} not one of {sorted(WORD_TYPES)}")
                if pos not in WORD_POSITIONS:
                    self.bad(f"org_words.tsv:{no}", f"position {pos!r} not one of {sorted(WORD_POSITIONS)}")

        for name, header in (("given_names.txt", "# given names"), ("surnames.txt", "# surnames")):
            lines = self.read_lines(name)
            if lines is None:
                continue
            if not lines or not lines[0].startswith(header):
                self.bad(f"{name}:1", f"first line must start with {header!r}")
            seen, count = {}, 0
            for no, line in enumerate(lines, start=1):
                if line.startswith("#"):
                    continue
                if not line or line != line.strip() or " " in line or "\t" in line:
                    self.bad(f"{name}:{no}", f"expected one name without spaces, got {line!r}")
                    continue
                if not (line[0].isupper()):
                    self.bad(f"{name}:{no}", f"{line!r} is not capitalised")
                if line in seen:
                    self.bad(f"{name}:{no}", f"{line!r} repeats line {seen[line]}")
                seen.setdefault(line, no)
                count += 1
            if count < MIN_ROWS[name]:
                self.bad(name, f"only {count} names, expected at least {MIN_ROWS[name]}")

        # Cross-file overlaps are legal (the loader keeps one hit per table) but worth a look.
        tables = [("regions", region_keys), ("agencies", agency_keys), ("lists", list_keys),
                  ("groups", group_keys)]
        for i, (an, ak) in enumerate(tables):
            for bn, bk in tables[i + 1:]:
                for key in sorted(set(ak) & set(bk)):
                    self.notes.append(f"{an} {ak[key][2]!r} and {bn} {bk[key][2]!r} share a key")


def main(argv):
    show_notes = "--notes" in argv
    args = [a for a in argv[1:] if a != "--notes"]
    root = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    checker = Checker(root)
    checker.run()
    if show_notes:
        for n in checker.notes:
            print("note:", n)
    for p in checker.problems:
        print(p, file=sys.stderr)
    if checker.problems:
        print(f"data/check.py: {len(checker.problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"data/check.py: gazetteers in {root} are consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
