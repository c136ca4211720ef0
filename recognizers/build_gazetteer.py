"""Derive sarpack's compact name gazetteer from the ``names-dataset`` package.

Loading the whole dataset takes tens of seconds and ~2 GB, so we derive two small
text files once and commit them:

    python -m recognizers.build_gazetteer

writes ``recognizers/data/first_names.tsv`` (name, gender M/F/N) and
``recognizers/data/surnames.txt``. Countries: the UK and the countries most UK
residents' names come from. Names shorter than 2 letters or not purely alphabetic
(apart from a hyphen or apostrophe) are dropped.
"""
from __future__ import annotations

import re
from pathlib import Path

DATA = Path(__file__).parent / "data"
COUNTRIES = {
    # country: (first names per gender, surnames)
    "GB": (3000, 8000),
    "IE": (800, 2000),
    "US": (1500, 4000),
    "IN": (400, 800),
    "PK": (300, 600),
    "NG": (300, 600),
    "PL": (300, 600),
    "RO": (200, 400),
    "IT": (200, 400),
    "FR": (200, 400),
    "ES": (200, 400),
    "PT": (150, 300),
    "DE": (200, 400),
    "TR": (150, 300),
    "BD": (150, 300),
    "GH": (150, 300),
    "JM": (150, 300),
    "SO": (100, 200),
    "LT": (100, 200),
    "CN": (100, 200),
    "SA": (150, 300),
    "EG": (150, 300),
    "MA": (100, 200),
    "IQ": (100, 200),
    "SY": (100, 200),
    "AF": (100, 200),
    "IR": (100, 200),
    "ZW": (100, 200),
    "KE": (100, 200),
    "PH": (100, 200),
    # Eritrea has no entries in names-dataset; Ethiopia's list carries the Tigrinya names too
    "ET": (300, 500),
}
# round 11: more of the communities UK case files name (names-dataset has no Ukraine, Slovakia, Vietnam,
# Sri Lanka or Nepal lists). Only their names that are rare as English words are added (Hungarian "Máté"
# folds to "Mate", a common word), and nothing already listed changes.
COUNTRIES_RARE_ONLY = {
    "HU": (300, 400),
    "BG": (200, 300),
    "CZ": (200, 300),
    "AL": (200, 300),
    "GR": (150, 300),
    "BR": (200, 300),
    "HR": (150, 200),
    "RS": (150, 200),
    "RU": (200, 300),
    "SD": (150, 200),
    "MY": (150, 200),
    "ID": (150, 200),
}
# round 14: communities with few names in the lists above that UK case files name - Kurdish and Arabic
# (Iraq, Lebanon), Afghan, Eritrean/Ethiopian (Sudan's and Ethiopia's lists carry the Tigrinya names),
# Japanese, Korean, Chinese (mainland, Hong Kong, Taiwan), Filipino - deeper, first names only, those
# rarer as English words than the lists above (zipf < 2.6: not "peachy", "bogs", "salve", "jester") and of
# four letters or more (a two- or three-letter word in a chat is too often something else).
FIRST_RARE_DEEP = {
    "IQ": 1500, "AF": 500, "LB": 200, "SD": 2500, "ET": 500, "JP": 800, "KR": 2500, "CN": 500, "HK": 150,
    "TW": 150, "PH": 600,
}
# round 19: deeper first-name lists for communities whose given names UK case files write and the lists above
# cut short - francophone Central Africa (Cameroon's list carries the Congolese French names), southern Africa
# (Botswana's carries the Shona/Tswana ones), India (Punjabi, Tamil), Nigeria, Somalia - again only names rare
# as English words (zipf < 2.6) and of four letters or more
FIRST_RARE_DEEP_R19 = {"CM": 600, "BW": 400, "IN": 2500, "NG": 2500, "SO": 600}
# Sherpa and Tibetan given names (names-dataset has no Nepal or Tibet list): the Sherpa day-of-birth names
# and the commonest Tibetan ones, again only those rare as English words
EXTRA_FIRST = (
    "Nima", "Dawa", "Mingma", "Lhakpa", "Phurba", "Pasang", "Pemba", "Tenzin", "Tenzing", "Dolkar", "Dolma",
    "Lhamo", "Sonam", "Pema", "Tashi", "Dorje", "Norbu", "Yangchen", "Chhiring", "Dechen", "Kelsang", "Lobsang",
    "Ngawang", "Nyima", "Phuntsok", "Tsering", "Wangmo", "Yeshi", "Chodon", "Diki", "Kunsang", "Rinzin",
)
RARE_ZIPF = 3.0
RARE_DEEP_ZIPF = 2.6
_OK = re.compile(r"^[A-Za-z][A-Za-z'\-]*[A-Za-z]$")


def main() -> int:
    from names_dataset import NameDataset

    nd = NameDataset()
    first: dict[str, set[str]] = {}
    surnames: set[str] = set()
    for cc, (n_first, n_last) in COUNTRIES.items():
        for gender, names in nd.get_top_names(n=n_first, country_alpha2=cc).get(cc, {}).items():
            for name in names:
                if _OK.match(name):
                    first.setdefault(name.title(), set()).add(gender)
        for name in nd.get_top_names(n=n_last, use_first_names=False, country_alpha2=cc).get(cc, []):
            if _OK.match(name):
                surnames.add(name.title())
    from wordfreq import zipf_frequency

    def rare(name: str) -> bool:
        return zipf_frequency(name.lower(), "en") < RARE_ZIPF

    for cc, (n_first, n_last) in COUNTRIES_RARE_ONLY.items():
        for gender, names in nd.get_top_names(n=n_first, country_alpha2=cc).get(cc, {}).items():
            for name in names:
                if _OK.match(name) and name.title() not in first and rare(name):
                    first[name.title()] = {gender}
        for name in nd.get_top_names(n=n_last, use_first_names=False, country_alpha2=cc).get(cc, []):
            if _OK.match(name) and name.title() not in surnames and rare(name):
                surnames.add(name.title())
    for cc, n_first in FIRST_RARE_DEEP.items():
        for gender, names in nd.get_top_names(n=n_first, country_alpha2=cc).get(cc, {}).items():
            for name in names:
                if _OK.match(name) and len(name) >= 4 and name.title() not in first and \
                        zipf_frequency(name.lower(), "en") < RARE_DEEP_ZIPF:
                    first[name.title()] = {gender}
    for cc, n_first in FIRST_RARE_DEEP_R19.items():
        for gender, names in nd.get_top_names(n=n_first, country_alpha2=cc).get(cc, {}).items():
            for name in names:
                if _OK.match(name) and len(name) >= 4 and name.title() not in first and \
                        name.title() not in EXTRA_FIRST and zipf_frequency(name.lower(), "en") < RARE_DEEP_ZIPF:
                    first[name.title()] = {gender}
    for name in EXTRA_FIRST:
        if name not in first and rare(name):
            first[name] = {"N"}
    DATA.mkdir(exist_ok=True)
    with open(DATA / "first_names.tsv", "w", encoding="utf-8") as fh:
        fh.write("# derived by recognizers/build_gazetteer.py from names-dataset; name<TAB>gender\n")
        for name in sorted(first):
            g = first[name]
            fh.write(f"{name}\t{'N' if len(g) > 1 else next(iter(g))}\n")
    with open(DATA / "surnames.txt", "w", encoding="utf-8") as fh:
        fh.write("# derived by recognizers/build_gazetteer.py from names-dataset\n")
        fh.write("\n".join(sorted(surnames)) + "\n")
    print(f"first names: {len(first)}, surnames: {len(surnames)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
