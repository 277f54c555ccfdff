#!/usr/bin/env python3
"""Checks the sample data of factgraph without building anything.

usage: python3 samples/validate_samples.py [--verbose]   (run from the repository root or anywhere)

Facts (samples/facts/*.json, *.jsonl):
  - every file parses: one document, an array of documents, or one document per line (.jsonl);
  - every entity/relation type is one factgraph knows; dates are YYYY, YYYY-MM or YYYY-MM-DD;
  - every relation source/target resolves to an entity of the same document (by id, exact name or
    alias, then by the normalised form: the same rule as graph/names.cpp normalize_name);
  - simulates the merge of graph/builder.hpp (person and official are one type family; entities
    sharing a normalised name or alias become one node; relations with the same endpoints, type and
    date become one edge, negotiates-with in either direction) and prints the counts, the actors that
    merge across documents, and the edges stated by more than one document;
  - checks that the pairs in MUST_NOT_MERGE stay apart and the pairs in MUST_MERGE end up together.

Articles (samples/articles/*.txt, tests/data/articles/*.txt, samples/articles/*.json records):
  - first line starts with "date YYYY-MM-DD PLACE: " or "date unknown:" (.txt only);
  - samples/articles/*.txt hold 150-400 words;
  - NAME.expected.json exists, its types are known, its relation endpoints are entity names, and
    every alias (and every name, except the shared canonicals and implicit entities) occurs
    verbatim in the text.
Exit status 1 when anything fails.
"""
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENTITY_TYPES = {"firm", "agency", "official", "person", "region", "list", "group"}
RELATION_TYPES = {"added-to-list", "removed-from-list", "subordinate-of", "negotiates-with", "holds-office",
                  "located-in", "part-of", "maintains", "sanctions", "condemns"}
SYMMETRIC = {"negotiates-with"}
SHARED_CANONICALS = {"U.S. Department of Commerce", "Bureau of Industry and Security", "U.S. Department of the Treasury",
                     "Office of Foreign Assets Control", "U.S. Department of State",
                     "Office of the United States Trade Representative", "China", "Russia", "United States",
                     "Washington, D.C."}
COMPANY_FORMS = {"co", "ltd", "inc", "corp", "corporation", "company", "limited", "llc", "plc", "sa", "ag", "gmbh",
                 "jsc", "ojsc", "pjsc", "oao", "ooo", "llp", "lp", "cjsc", "pte", "bhd"}
UNICODE_PUNCT = [p.encode() for p in ["\u2019", "\u2018", "\u201c", "\u201d", "\u2013", "\u2014", "\u00a0", "\u2010", "\u2011"]]
# Different actors that share a word: the builder must keep them apart.
MUST_NOT_MERGE = [("Xinjiang Public Security Bureau", "Ministry of Public Security"),
                  ("Huawei Cloud Beijing", "Huawei"),
                  ("Huawei Cloud Hong Kong", "Hong Kong"),
                  ("Ministry of Foreign Affairs of the People's Republic of China",
                   "Ministry of Foreign Affairs of the Russian Federation"),
                  ("Islamic Revolutionary Guard Corps-Qods Force", "Islamic Revolutionary Guard Corps")]
# The same actor under different names in different documents: the builder must merge them.
MUST_MERGE = [("Huawei Technologies Co., Ltd.", "Huawei"), ("Office of Foreign Assets Control", "OFAC"),
              ("Robert Lighthizer", "Lighthizer"), ("People's Republic of China", "China"),
              ("Russian Federation", "Russia"), ("Treasury Department", "U.S. Department of the Treasury"),
              ("Xinjiang Uighur Autonomous Region People's Government Public Security Bureau",
               "Xinjiang Public Security Bureau"),
              ("Specially Designated Nationals and Blocked Persons List", "SDN List"),
              ("Wilbur L. Ross", "Wilbur Ross"), ("BIS", "Bureau of Industry and Security"),
              ("Department of Commerce", "U.S. Department of Commerce")]

errors = []


def fail(msg):
    errors.append(msg)


def is_word_byte(c):
    return 48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122 or c >= 0x80


def normalize_name(name):
    """Port of factgraph::normalize_name (graph/names.cpp), byte for byte."""
    b = name.encode("utf-8")
    words, word, i = [], bytearray(), 0

    def flush():
        if word:
            words.append(word.decode("utf-8", "replace"))
            word.clear()
    while i < len(b):
        punct, width = False, 1
        for p in UNICODE_PUNCT:
            if b[i:i + len(p)] == p:
                punct, width = True, len(p)
                if p in (UNICODE_PUNCT[0], UNICODE_PUNCT[1]) and i + width < len(b) and b[i + width] in b"sS" and \
                        (i + width + 1 == len(b) or not is_word_byte(b[i + width + 1])):
                    width += 1
                break
        c = b[i]
        if not punct and c == ord("'") and i + 1 < len(b) and b[i + 1] in b"sS" and \
                (i + 2 == len(b) or not is_word_byte(b[i + 2])):
            punct, width = True, 2
        if punct:
            flush()
        elif c == ord("&"):
            flush()
            words.append("and")
        elif is_word_byte(c):
            word.append(c + 32 if 65 <= c <= 90 else c)
        else:
            flush()
        i += width
    flush()
    first = 1 if words and words[0] == "the" else 0
    last = len(words)
    while last > first + 1 and words[last - 1].rstrip(".") in COMPANY_FORMS:
        last -= 1
    return " ".join(words[first:last])


DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def family(t):
    return "person" if t in ("person", "official") else t


# ------------------------------------------------------------------------------------------ facts
def load_facts():
    docs = []
    for path in sorted(glob.glob(os.path.join(ROOT, "samples", "facts", "*"))):
        rel = os.path.relpath(path, ROOT)
        text = open(path, encoding="utf-8").read()
        try:
            if path.endswith(".jsonl"):
                recs = [json.loads(line) for line in text.splitlines() if line.strip()]
            elif path.endswith(".json"):
                obj = json.loads(text)
                recs = obj if isinstance(obj, list) else [obj]
            else:
                fail("%s: not a .json/.jsonl file" % rel)
                continue
        except json.JSONDecodeError as e:
            fail("%s: does not parse: %s" % (rel, e))
            continue
        for r in recs:
            docs.append((rel, r))
    return docs


def resolver(doc):
    by_id, by_name, by_key = {}, {}, {}
    for i, e in enumerate(doc.get("entities", [])):
        if e.get("id"):
            by_id.setdefault(e["id"], i)
        for n in [e["name"]] + e.get("aliases", []):
            by_name.setdefault(n, i)
            by_key.setdefault(normalize_name(n), i)

    def find(ref):
        for table, key in ((by_id, ref), (by_name, ref), (by_key, normalize_name(ref))):
            if key in table:
                return table[key]
        return -1
    return find


def check_facts(verbose):
    docs = load_facts()
    ids = set()
    files = {}
    for rel, d in docs:
        files.setdefault(rel, 0)
        files[rel] += 1
        did = d.get("id", "?")
        if did in ids:
            fail("%s: duplicate document id %s" % (rel, did))
        ids.add(did)
        if d.get("date") and not DATE_RE.match(d["date"]):
            fail("%s/%s: bad document date %s" % (rel, did, d["date"]))
        for e in d.get("entities", []):
            if e.get("type") not in ENTITY_TYPES:
                fail("%s/%s: entity %s has type %s" % (rel, did, e.get("name"), e.get("type")))
        find = resolver(d)
        for r in d.get("relations", []):
            if r.get("type") not in RELATION_TYPES:
                fail("%s/%s: relation type %s" % (rel, did, r.get("type")))
            for end in ("source", "target"):
                if find(r.get(end, "")) < 0:
                    fail("%s/%s: %s %r does not resolve" % (rel, did, end, r.get(end)))
            if r.get("date") and not DATE_RE.match(r["date"]):
                fail("%s/%s: bad relation date %s" % (rel, did, r["date"]))
            if r.get("agent") and find(r["agent"]) < 0:
                fail("%s/%s: agent %r does not resolve" % (rel, did, r["agent"]))
            if r["type"] == "holds-office" and not r.get("role"):
                fail("%s/%s: holds-office without role" % (rel, did))

    # ---- merge simulation (union-find over every entity of every document)
    parent = {}

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    owner = {}
    for di, (rel, d) in enumerate(docs):
        for ei, e in enumerate(d.get("entities", [])):
            me = (di, ei)
            parent[me] = me
            for n in [e["name"]] + e.get("aliases", []):
                k = (family(e["type"]), normalize_name(n))
                if k in owner:
                    parent[root(me)] = root(owner[k])
                else:
                    owner[k] = me
    nodes = {}
    for me in parent:
        nodes.setdefault(root(me), []).append(me)
    label = {}
    for r, members in nodes.items():
        members.sort()
        di, ei = members[0]
        label[r] = docs[di][1]["entities"][ei]["name"]
    edges = {}
    for di, (rel, d) in enumerate(docs):
        find = resolver(d)
        for r in d.get("relations", []):
            s, t = find(r["source"]), find(r["target"])
            if s < 0 or t < 0:
                continue
            a, b = root((di, s)), root((di, t))
            if r["type"] in SYMMETRIC:
                a, b = sorted([a, b])
            edges.setdefault((a, b, r["type"], r.get("date", "")), []).append(d["id"])

    def node_of(name):
        """Nodes holding an entity whose own name (not an alias) normalises like `name`."""
        key = normalize_name(name)
        return {root(m) for m in parent
                if normalize_name(docs[m[0]][1]["entities"][m[1]]["name"]) == key}
    for a, b in MUST_NOT_MERGE:
        na, nb = node_of(a), node_of(b)
        if not na or not nb:
            fail("non-merge pair %r / %r: one of them is missing from the facts" % (a, b))
        elif na & nb:
            fail("non-merge pair %r / %r ended up in one node" % (a, b))
    for a, b in MUST_MERGE:
        na, nb = node_of(a), node_of(b)
        if not na or not nb or not (na & nb):
            fail("merge pair %r / %r did not merge" % (a, b))

    cross = []
    for r, members in nodes.items():
        dids = sorted({docs[m[0]][1]["id"] for m in members})
        names = sorted({docs[m[0]][1]["entities"][m[1]]["name"] for m in members})
        if len(dids) > 1 and len(names) > 1:
            cross.append((label[r], names, len(dids)))
    multi = [(k, v) for k, v in edges.items() if len(v) > 1]
    print("facts: %d files, %d documents, %d entity mentions -> %d distinct actors, %d relation mentions -> "
          "%d distinct relations" % (len(files), len(docs), sum(len(d.get("entities", [])) for _, d in docs), len(nodes),
                                     sum(len(d.get("relations", [])) for _, d in docs), len(edges)))
    for f, n in sorted(files.items()):
        print("  %-50s %d document%s" % (f, n, "" if n == 1 else "s"))
    print("actors merged across documents under different names: %d" % len(cross))
    for lab, names, n in sorted(cross):
        print("  %-45s %d docs: %s" % (lab, n, " | ".join(names)))
    print("edges stated by more than one document: %d" % len(multi))
    for (a, b, t, dt), srcs in sorted(multi, key=lambda x: (label[x[0][0]], x[0][2])):
        print("  %s -%s-> %s %s  weight %d  (%s)" % (label[a], t, label[b], dt or "(no date)", len(srcs), ", ".join(srcs)))
    if len(docs) < 8 or len(nodes) < 45 or len(edges) < 70:
        fail("facts below the required size")
    if verbose:
        for r in sorted(nodes, key=lambda r: label[r]):
            print("    node", label[r])


# --------------------------------------------------------------------------------------- articles
FIRST_LINE = re.compile(r"^date (\d{4}-\d{2}-\d{2}) ([^:]+): |^date unknown: ?")


def check_expected(exp, text, where):
    names = set()
    for e in exp.get("entities", []):
        if e.get("type") not in ENTITY_TYPES:
            fail("%s: entity %s has type %s" % (where, e.get("name"), e.get("type")))
        names.add(e["name"])
        if not e.get("implicit") and e["name"] not in SHARED_CANONICALS and e["name"] not in text:
            fail("%s: entity name %r is not in the text" % (where, e["name"]))
        if e.get("implicit") and e.get("aliases"):
            fail("%s: implicit entity %r has aliases" % (where, e["name"]))
        for a in e.get("aliases", []):
            if a not in text:
                fail("%s: alias %r of %r is not in the text" % (where, a, e["name"]))
    keys = {}
    for e in exp.get("entities", []):
        for n in [e["name"]] + e.get("aliases", []):
            k = normalize_name(n)
            if k in keys and keys[k] != e["name"]:
                fail("%s: %r and %r share the key %r" % (where, keys[k], e["name"], k))
            keys[k] = e["name"]
    for r in exp.get("relations", []):
        if r.get("type") not in RELATION_TYPES:
            fail("%s: relation type %s" % (where, r.get("type")))
        for end in ("source", "target", "agent"):
            if end in r and r[end] not in names:
                fail("%s: relation %s %r is not an entity name" % (where, end, r[end]))
        if r.get("date") and not DATE_RE.match(r["date"]):
            fail("%s: bad date %s" % (where, r["date"]))
    for s in exp.get("sentences", []):
        if s not in text:
            fail("%s: sentence not in text: %r" % (where, s))
    return len(exp.get("entities", [])), len(exp.get("relations", []))


def check_articles():
    total = [0, 0, 0]
    for folder, sized in (("samples/articles", True), ("tests/data/articles", False)):
        for path in sorted(glob.glob(os.path.join(ROOT, folder, "*.txt"))):
            rel = os.path.relpath(path, ROOT)
            text = open(path, encoding="utf-8").read()
            if not FIRST_LINE.match(text):
                fail("%s: first line is not 'date YYYY-MM-DD PLACE: ' or 'date unknown:'" % rel)
            words = len(text.split())
            if sized and not 150 <= words <= 400:
                fail("%s: %d words" % (rel, words))
            exp_path = path[:-4] + ".expected.json"
            if not os.path.exists(exp_path):
                fail("%s: no .expected.json" % rel)
                continue
            ne, nr = check_expected(json.load(open(exp_path, encoding="utf-8")), text, rel)
            total[0] += 1
            total[1] += ne
            total[2] += nr
            print("  %-62s %3d words %2d entities %2d relations" % (rel, words, ne, nr))
        for path in sorted(glob.glob(os.path.join(ROOT, folder, "*.json"))):
            if path.endswith(".expected.json"):
                continue
            rel = os.path.relpath(path, ROOT)
            recs = json.load(open(path, encoding="utf-8"))
            recs = recs if isinstance(recs, list) else [recs]
            exp_path = path[:-5] + ".expected.json"
            exp = json.load(open(exp_path, encoding="utf-8"))
            by_id = {x["id"]: x for x in exp["records"]}
            for r in recs:
                for k in ("id", "title", "date", "source", "url", "text"):
                    if k not in r:
                        fail("%s: record lacks %s" % (rel, k))
                if r["id"] not in by_id:
                    fail("%s: no expected annotation for record %s" % (rel, r["id"]))
                    continue
                ne, nr = check_expected(by_id[r["id"]], r["text"], "%s#%s" % (rel, r["id"]))
                total[0] += 1
                total[1] += ne
                total[2] += nr
                print("  %-62s %3d words %2d entities %2d relations" % (rel + "#" + r["id"], len(r["text"].split()), ne, nr))
    print("articles: %d with expectations, %d expected entities, %d expected relations" % tuple(total))


def main():
    verbose = "--verbose" in sys.argv or "-v" in sys.argv
    check_facts(verbose)
    check_articles()
    for e in errors:
        print("ERROR", e)
    print("%d problem%s" % (len(errors), "" if len(errors) == 1 else "s"))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
