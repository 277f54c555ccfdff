#!/usr/bin/python3
"""Generate a deterministic corpus of news articles for the text-extraction benchmark.

    bench/gen_articles.py --out bench/out/text --mb 50

Each article is made from the sample articles (samples/articles/*.txt, the article records in
samples/articles/records-*.json and tests/data/articles/*.txt): one base article, or two or three
joined as paragraphs, with
- every person's name tokens swapped for other given names and surnames (data/given_names.txt,
  data/surnames.txt), consistently within the article;
- the distinctive words of firm names ("Huawei", "Arcfield") and all-caps firm acronyms ("SMIC")
  swapped for made-up ones;
- the dateline date moved by a random number of days and years near it moved by as many years.
The entity names come from each base article's .expected.json. So no two articles are the same
text, while each stays the kind of text the extractor is built for.

Writes into --out:
  txt/NNN/article-NNNNNN.txt  plain-text articles with a `date YYYY-MM-DD PLACE:` first line,
                               1,000 per folder
  articles.jsonl               the same articles as records {"id","date","text"}
  manifest.json                counts and bytes
"""

import argparse
import datetime
import glob
import json
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
DATELINE = re.compile(r"date (\d{4}-\d{2}-\d{2}|unknown) ([^:\n]*):[ ]?")
ONSETS = ["b", "br", "c", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "pr",
          "r", "s", "st", "t", "tr", "v", "w", "z", "x", "qu"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ia", "ou", "ea"]
CODAS = ["", "", "n", "r", "l", "s", "m", "x", "t", "k"]
PARTICLES = {"bin", "bint", "al", "el", "de", "del", "da", "di", "van", "von", "der", "la", "le"}


def words(name):
    with open(os.path.join(ROOT, "data", name), encoding="utf-8") as f:
        return [w.strip() for w in f if w.strip() and not w.startswith("#")]


def tsv_keys(name, columns):
    keys = set()
    with open(os.path.join(ROOT, "data", name), encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if header is None:
                header = cells
                continue
            row = dict(zip(header, cells))
            for c in columns:
                for value in row.get(c, "").split("|"):
                    keys.update(value.split())
    return keys


def load_bases():
    """[(id, date or None, place, text, entities)] from the sample and test articles."""
    bases = []
    paths = sorted(glob.glob(os.path.join(ROOT, "samples/articles/*.txt")) +
                   glob.glob(os.path.join(ROOT, "tests/data/articles/*.txt")))
    for path in paths:
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        m = DATELINE.match(raw)
        date, place, text = (None, "", raw)
        if m:
            date = None if m.group(1) == "unknown" else m.group(1)
            place, text = m.group(2), raw[m.end():]
        expected = path[:-4] + ".expected.json"
        entities = []
        if os.path.exists(expected):
            with open(expected, encoding="utf-8") as f:
                entities = json.load(f).get("entities", [])
        bases.append((os.path.basename(path)[:-4], date, place, text.strip(), entities))
    for path in sorted(glob.glob(os.path.join(ROOT, "samples/articles/records-*.json"))):
        if path.endswith(".expected.json"):
            continue
        with open(path, encoding="utf-8") as f:
            records = json.load(f)
        with open(path[:-5] + ".expected.json", encoding="utf-8") as f:
            expected = {r["id"]: r.get("entities", []) for r in json.load(f)["records"]}
        for r in records:
            bases.append((r["id"], r.get("date") or None, "", r["text"].strip(), expected.get(r["id"], [])))
    return bases


class Varier:
    def __init__(self, rng):
        self.rng = rng
        self.given = [w for w in words("given_names.txt") if w.isalpha() and w.isascii()]
        self.surnames = [w for w in words("surnames.txt") if w.isalpha() and w.isascii()]
        # Words that also mean something to the extractor stay as they are in firm names.
        self.keep = (tsv_keys("regions.tsv", ["name", "aliases", "demonyms"]) |
                     tsv_keys("org_words.tsv", ["word"]) | tsv_keys("agencies.tsv", ["name", "aliases"]) |
                     {"Co.", "Ltd.", "Inc.", "Corporation", "Company", "Group", "Holdings", "&",
                      "Technology", "Technologies", "International", "Manufacturing", "Defense",
                      "Missiles", "Precision", "Machinery", "Freight", "Electronics", "Semiconductor"})

    def core(self):
        return "".join(self.rng.choice(ONSETS) + self.rng.choice(VOWELS) + self.rng.choice(CODAS)
                       for _ in range(self.rng.choice((2, 3)))).capitalize()

    def token_map(self, entities):
        """Old token -> new token for the names of `entities`."""
        m = {}
        for e in entities:
            names = [e["name"]] + list(e.get("aliases", []))
            if e["type"] in ("person", "official"):
                for name in names:
                    toks = name.split()
                    for i, tok in enumerate(toks):
                        bare = tok.strip(".,")
                        if len(bare) <= 2 or bare.lower() in PARTICLES or not bare[:1].isupper() or bare in m:
                            continue
                        first = i == 0 and len(toks) > 1
                        m[bare] = self.rng.choice(self.given if first else self.surnames)
            elif e["type"] == "firm":
                for name in names:
                    for tok in name.split():
                        bare = tok.strip(".,")
                        if bare in m or bare in self.keep or len(bare) <= 1 or not bare[:1].isupper():
                            continue
                        if bare.isupper():  # an acronym: another of the same length
                            m[bare] = "".join(self.rng.choice("ABCDEFGHJKLMNPRSTVWXZ") for _ in bare)
                        else:
                            m[bare] = self.core()
        return m

    def vary(self, text, entities, year_shift):
        m = self.token_map(entities)
        if m:
            pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(m, key=len, reverse=True)) + r")\b")
            text = pattern.sub(lambda x: m[x.group(1)], text)
        if year_shift:
            text = re.sub(r"\b(20[0-2]\d)\b", lambda x: str(int(x.group(1)) + year_shift), text)
        return text


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--mb", type=float, default=50.0, help="megabytes (10^6 bytes) of article text")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    bases = load_bases()
    varier = Varier(rng)
    # Longer sample articles are picked more often than the short test snippets.
    weights = [max(1, len(b[3]) // 200) for b in bases]
    target = int(args.mb * 1e6)
    os.makedirs(os.path.join(args.out, "txt"), exist_ok=True)
    total = count = 0
    first_day = datetime.date(2015, 1, 1)
    with open(os.path.join(args.out, "articles.jsonl.tmp"), "w", encoding="utf-8") as jsonl:
        while total < target:
            parts = rng.choices(range(len(bases)), weights, k=rng.choice((1, 1, 1, 1, 2, 3)))
            day = first_day + datetime.timedelta(days=rng.randrange(3650))
            lead = bases[parts[0]]
            shift = day.year - int(lead[1][:4]) if lead[1] else 0
            place = lead[2] or rng.choice(["Washington", "Beijing", "Brussels", "Moscow", "Tokyo"])
            body = "\n\n".join(varier.vary(bases[p][3], bases[p][4], shift) for p in parts)
            text = f"date {day.isoformat()} {place}: {body}\n"
            folder = os.path.join(args.out, "txt", f"{count // 1000:03d}")
            os.makedirs(folder, exist_ok=True)
            doc_id = f"article-{count:06d}"
            with open(os.path.join(folder, doc_id + ".txt"), "w", encoding="utf-8") as f:
                f.write(text)
            jsonl.write(json.dumps({"id": doc_id, "date": day.isoformat(), "text": f"{place}: {body}"},
                                   ensure_ascii=False) + "\n")
            total += len(text.encode("utf-8"))
            count += 1
    os.replace(os.path.join(args.out, "articles.jsonl.tmp"), os.path.join(args.out, "articles.jsonl"))
    manifest = {"seed": args.seed, "articles": count, "text_bytes": total, "base_articles": len(bases),
                "jsonl_bytes": os.path.getsize(os.path.join(args.out, "articles.jsonl"))}
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    print(json.dumps(manifest))


if __name__ == "__main__":
    main()
